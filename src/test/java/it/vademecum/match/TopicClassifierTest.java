package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classifier trained on the real topics and dialogs/examples.jsonl, and its blend with the lexical matcher. */
class TopicClassifierTest {

  /** Written for this test, in no set: the words of the reminder topic ("sollecito") are absent. */
  private static final String NEVER_SEEN =
      "quante volte posso sentirmi dire che nessuno ha ancora risposto alla sua segnalazione, che scrivo?";

  private static List<TopicText> topics;
  private static List<Example> examples;
  private static TopicClassifier classifier;

  @BeforeAll
  static void train() {
    topics = DialogTopics.load();
    List<String> ids = topics.stream().map(TopicText::id).toList();
    Examples.Parsed parsed = Examples.read(DialogTopics.dir().resolve(Examples.FILE), ids);
    assertEquals(List.of(), parsed.problems());
    examples = parsed.examples();
    assertTrue(examples.size() > 1000, "examples read: " + examples.size());
    classifier = TopicClassifier.train(topics, examples);
  }

  @Test
  void ranksANeverSeenParaphraseFirstWhereTheLexiconFindsNoTopic() {
    Lexicon lexicon = DialogTopics.lexicon();
    Ranking lexical = LexicalTopicMatcher.build(topics, lexicon).rank(NEVER_SEEN);
    assertEquals(Ranking.Verdict.NONE, lexical.verdict(), "the lexicon alone does not know it");
    Ranking blended = LexicalTopicMatcher.build(topics, lexicon, examples).rank(NEVER_SEEN);
    assertEquals(Ranking.Verdict.AMBIGUOUS, blended.verdict(), "a rescued sentence is a menu, never started at once");
    assertEquals("ticket-sollecito", blended.best());
  }

  @Test
  void trainingTwiceGivesTheSameProbabilities() {
    TopicClassifier again = TopicClassifier.train(topics, examples);
    for (String text : List.of(NEVER_SEEN, "il cliente rivuole i soldi", "chi è di turno oggi")) {
      assertArrayEquals(classifier.probabilities(text), again.probabilities(text), text);
    }
  }

  @Test
  void aRescueNeverBeatsAWordOfAnotherProductOrOfOfficeLife() {
    ClassifierBlend blend = new ClassifierBlend(classifier);
    Ranking none = Ranking.none();
    assertEquals("ticket-sollecito", blend.apply(NEVER_SEEN, none, null, () -> false).best());
    assertEquals(Ranking.Verdict.NONE, blend.apply(NEVER_SEEN, none, null, () -> true).verdict());
  }

  @Test
  void anOfficeSentenceWithAForeignWordStaysNoTopicThroughTheWholeMatcher() {
    LexicalTopicMatcher matcher = LexicalTopicMatcher.build(topics, DialogTopics.lexicon(), examples);
    assertEquals(Ranking.Verdict.NONE, matcher.rank("nessuno ha ancora risposto alla segnalazione sul badge che non apre il tornello").verdict());
  }

  @Test
  void aConfidentLexicalTopicStandsWhateverTheClassifierSays() {
    ClassifierBlend blend = new ClassifierBlend(classifier);
    Ranking confident = new Ranking(List.of(new Scored("pausa", 0.9), new Scored("fine-turno", 0.3)),
        Ranking.Verdict.CONFIDENT);
    assertEquals(confident, blend.apply(NEVER_SEEN, confident, null, () -> false));
  }
}
