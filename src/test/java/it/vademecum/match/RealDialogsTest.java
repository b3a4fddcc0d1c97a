package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sanity checks on the real topic files under {@code vademecum.dialogs}, skipped when they are not
 * there. The sentences are written here, not taken from any evaluation set.
 */
class RealDialogsTest {

  private static List<TopicText> topics;
  private static LexicalTopicMatcher matcher;

  @BeforeAll
  static void load() {
    topics = DialogTopics.load();
    matcher = topics.isEmpty() ? null : LexicalTopicMatcher.build(topics, DialogTopics.lexicon());
  }

  @Test
  void everyTopicIsAmongTheTopThreeForItsOwnTitle() {
    assumeTrue(matcher != null, "no topic files");
    List<String> wrong = new ArrayList<>();
    for (TopicText t : topics) {
      Ranking r = matcher.rank(t.title());
      if (r.top(3).stream().noneMatch(s -> s.topicId().equals(t.id()))) {
        wrong.add(t.id() + " → " + r.best());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void outOfDomainMessagesGetNoTopic() {
    assumeTrue(matcher != null, "no topic files");
    List<String> accepted = new ArrayList<>();
    for (String text : List.of(
        "il cliente vuole comprare un dominio .com", "come configuro i dns su cloudflare",
        "attivazione spid con cie", "la firma digitale su smartcard non funziona",
        "buon appetito a tutti", "domani sciopero dei treni?", "hello, is anybody there?",
        "jjjjjj kkkk", "?", "...")) {
      Ranking r = matcher.rank(text);
      if (r.verdict() != Ranking.Verdict.NONE) {
        accepted.add(text + " → " + r.best());
      }
    }
    assertEquals(List.of(), accepted);
  }
}
