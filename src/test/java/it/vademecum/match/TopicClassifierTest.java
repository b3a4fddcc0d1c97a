package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /** The lexicon's answer as the blend receives it, without scores or terms. */
  private static LexicalTopicMatcher.Lexical lexical(LexicalTopicMatcher.Lexical.Path path, Ranking ranking) {
    return new LexicalTopicMatcher.Lexical(path, ranking, null, List.of());
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
  void aRescueNeverBeatsAWordOfAnotherProductOrOfOfficeLifeUnlessTheClassifierIsSure() {
    ClassifierBlend blend = new ClassifierBlend(classifier);
    LexicalTopicMatcher.Lexical none = lexical(LexicalTopicMatcher.Lexical.Path.SINGLE, Ranking.none());
    // Written for this test, in no set: the reminder topic again, in fewer words.
    String vague = "il signore si lamenta che non ha avuto notizie";
    double p = classifier.probabilities(vague)[classifier.classIndex("ticket-sollecito")];
    assertTrue(p >= ClassifierBlend.RESCUE && p < ClassifierBlend.SURE, "rescued, not sure: " + p);
    assertEquals("ticket-sollecito", blend.apply(vague, none, () -> false).best());
    assertEquals(Ranking.Verdict.NONE, blend.apply(vague, none, () -> true).verdict());
  }

  @Test
  void anOfficeSentenceWithAForeignWordStaysNoTopicThroughTheWholeMatcher() {
    LexicalTopicMatcher matcher = LexicalTopicMatcher.build(topics, DialogTopics.lexicon(), examples);
    assertEquals(Ranking.Verdict.NONE, matcher.rank("nessuno ha ancora risposto alla segnalazione sul badge che non apre il tornello").verdict());
  }

  @Test
  void aConfidentLexicalTopicStandsWhateverOtherTopicTheClassifierPrefers() {
    ClassifierBlend blend = new ClassifierBlend(classifier);
    Ranking confident = new Ranking(List.of(new Scored("pausa", 0.9), new Scored("fine-turno", 0.3)),
        Ranking.Verdict.CONFIDENT);
    assertEquals(confident, blend.apply(NEVER_SEEN,
        lexical(LexicalTopicMatcher.Lexical.Path.SINGLE, confident), () -> false));
  }

  @Test
  void aTwoTopicMenuPutsFirstTheTopicTheBlendRanksHigher() {
    String text = "mi tocca la pausa dei 15 minuti davanti al monitor ma ho un cliente che vuole recedere";
    Ranking lexicalOrder = new Ranking(List.of(new Scored("diritto-di-recesso", 0.5), new Scored("pausa", 0.45),
        new Scored("disdetta-conservazione", 0.2)), Ranking.Verdict.AMBIGUOUS);
    Ranking blended = new ClassifierBlend(classifier).apply(text,
        lexical(LexicalTopicMatcher.Lexical.Path.TWO, lexicalOrder), () -> false);
    assertEquals(List.of("pausa", "diritto-di-recesso", "disdetta-conservazione"),
        blended.ranked().stream().map(Scored::topicId).toList());
    assertEquals(Ranking.Verdict.AMBIGUOUS, blended.verdict());
  }

  @Test
  void aMenuOffersFirstATopicTheLexiconDidNotRank() {
    String text = "ho il cliente al telefono che deve aspettare un attimo, cosa gli dico mentre controllo";
    Ranking lexicalMenu = new Ranking(List.of(new Scored("ticket-sollecito", 0.32), new Scored("saluto-chiamata", 0.31)),
        Ranking.Verdict.AMBIGUOUS);
    Ranking blended = new ClassifierBlend(classifier).apply(text,
        lexical(LexicalTopicMatcher.Lexical.Path.SINGLE, lexicalMenu), () -> false);
    assertEquals("attesa", blended.best());
    assertEquals(Ranking.Verdict.AMBIGUOUS, blended.verdict(), "the classifier reorders a menu, it never starts a topic");
  }

  @Test
  void aSureClassifierRescuesAMessageThatAlsoNamesAnOfficeMatter() {
    String text = "nessuno riesce piu a mandare messaggi da stamattina, tutti i colleghi hanno lo stesso cliente arrabbiato";
    assertTrue(classifier.probabilities(text)[classifier.classIndex("incident")] >= ClassifierBlend.SURE);
    Ranking rescued = new ClassifierBlend(classifier).apply(text,
        lexical(LexicalTopicMatcher.Lexical.Path.SINGLE, Ranking.none()), () -> true);
    assertEquals(Ranking.Verdict.AMBIGUOUS, rescued.verdict());
    assertEquals("incident", rescued.best());
  }

  @Test
  void anEnglishMessageTheLexiconDoesNotKnowBecomesAMenu() {
    String text = "my customer is asking for a refund because he changed his mind about the order";
    LexicalTopicMatcher matcher = LexicalTopicMatcher.build(topics, DialogTopics.lexicon(), examples);
    LexicalTopicMatcher.Lexical lexical = matcher.lexical(text);
    assertEquals(LexicalTopicMatcher.Lexical.Path.ENGLISH, lexical.path());
    assertEquals(Ranking.Verdict.NONE, lexical.ranking().verdict(), "the lexicon alone gives no topic");
    Ranking blended = matcher.rank(text);
    assertEquals(Ranking.Verdict.AMBIGUOUS, blended.verdict());
    assertEquals("diritto-di-recesso", blended.best());
  }

  @Test
  void aSentenceWithNoWordTheClassifierLearnedIsNotRescuedOnLetterPiecesAlone() {
    String text = "ricetta della carbonara con guanciale";
    assertFalse(classifier.predict(text).knowsAWord());
    assertTrue(classifier.predict(NEVER_SEEN).knowsAWord());
    LexicalTopicMatcher matcher = LexicalTopicMatcher.build(topics, DialogTopics.lexicon(), examples);
    assertEquals(Ranking.Verdict.NONE, matcher.rank(text).verdict());
  }

  @Test
  void aConfidentLexicalTopicBecomesNoTopicWhenTheClassifierIsSureItIsOfficeChatter() {
    String text = "la macchinetta del caffè al secondo piano è rotta di nuovo";
    double none = classifier.probabilities(text)[classifier.noneClass()];
    assertTrue(none >= ClassifierBlend.REJECT, "no topic: " + none);
    Ranking confident = new Ranking(List.of(new Scored("pausa", 0.9), new Scored("fine-turno", 0.3)),
        Ranking.Verdict.CONFIDENT);
    ClassifierBlend blend = new ClassifierBlend(classifier);
    assertEquals(Ranking.Verdict.NONE,
        blend.apply(text, lexical(LexicalTopicMatcher.Lexical.Path.SINGLE, confident), () -> false).verdict());
    assertEquals(Ranking.Verdict.NONE,
        blend.apply(text, lexical(LexicalTopicMatcher.Lexical.Path.TWO, confident), () -> false).verdict());
  }
}
