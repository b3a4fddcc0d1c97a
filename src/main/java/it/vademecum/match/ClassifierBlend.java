package it.vademecum.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Combines the lexical answer with the {@link TopicClassifier}'s probabilities. Any lexical topic
 * or menu becomes "no topic" when the classifier's most likely class is "no topic", with at least
 * {@link #REJECT}: two recognisers that disagree that much on office chatter are better answered
 * with the topic list than with a procedure. Otherwise a confident lexical topic stands, whatever
 * other topic the classifier prefers. A one-topic menu is ordered by lexical score plus
 * {@link #WEIGHT} times the probability, over all topics (the classifier may bring in a topic the
 * lexicon missed); a two-topic menu keeps its two topics first and orders them the same way. A lexical "no topic" becomes a menu when the classifier's most likely class is a topic, with at
 * least {@link #RESCUE}, and the classifier knows one of the message's words, unless the message
 * names another product or office matter and the topic has less than {@link #SURE}: a rescued
 * sentence is never started at once, so the agent confirms it in one click.
 */
final class ClassifierBlend {

  /** Weight of the classifier's probability against the lexical score (both in [0, 1]) in a menu. */
  static final double WEIGHT = 3.0;
  /** The least probability of a topic that turns a lexical "no topic" into a menu. */
  static final double RESCUE = 0.15;
  /** The least probability that rescues a message naming another product or office matter. */
  static final double SURE = 0.75;
  /** The least probability of "no topic" that turns a lexical topic or menu into "no topic". */
  static final double REJECT = 0.6;
  /** The longest menu given (the lexical matcher's too). */
  private static final int RANKED = 10;

  private final TopicClassifier classifier;

  ClassifierBlend(TopicClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * @param text the message
   * @param lexical the lexical matcher's answer and every topic's score, in the classifier's topic order
   * @param foreign whether the message names another product or office matter; asked only for a
   *     rescue
   */
  Ranking apply(String text, LexicalTopicMatcher.Lexical lexical, BooleanSupplier foreign) {
    Ranking ranking = lexical.ranking();
    if (lexical.path() == LexicalTopicMatcher.Lexical.Path.EMPTY) {
      return ranking;
    }
    TopicClassifier.Prediction prediction = classifier.predict(text);
    double[] p = prediction.p();
    int top = argmax(p);
    if (ranking.verdict() != Ranking.Verdict.NONE && top == classifier.noneClass() && p[top] >= REJECT) {
      return Ranking.none();
    }
    if (ranking.verdict() == Ranking.Verdict.CONFIDENT) {
      return ranking;
    }
    double[] combined = combined(lexical.score(), p);
    if (lexical.path() == LexicalTopicMatcher.Lexical.Path.TWO) {
      return twoFirst(ranking, combined);
    }
    if (ranking.verdict() == Ranking.Verdict.AMBIGUOUS) {
      return menu(combined);
    }
    if (top == classifier.noneClass() || p[top] < RESCUE || p[top] < SURE && foreign.getAsBoolean()
        || !prediction.knowsAWord()) {
      return ranking;
    }
    return menu(combined);
  }

  /** Every topic's lexical score plus {@link #WEIGHT} times its probability, scaled back to [0, 1]. */
  private double[] combined(double[] score, double[] p) {
    double[] c = new double[classifier.noneClass()];
    for (int t = 0; t < c.length; t++) {
      double s = score == null ? 0 : Math.max(score[t], 0);
      c[t] = (s + WEIGHT * p[t]) / (1 + WEIGHT);
    }
    return c;
  }

  private Ranking menu(double[] combined) {
    Integer[] order = new Integer[combined.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(combined[b], combined[a]));
    List<Scored> menu = new ArrayList<>();
    for (int i = 0; i < Math.min(RANKED, order.length); i++) {
      menu.add(new Scored(classifier.classId(order[i]), round(combined[order[i]])));
    }
    return new Ranking(menu, Ranking.Verdict.AMBIGUOUS);
  }

  /** The two topics of a two-topic menu, the one the blend ranks higher first; the rest as they were. */
  private Ranking twoFirst(Ranking two, double[] combined) {
    List<Scored> ranked = new ArrayList<>(two.ranked());
    if (ranked.size() >= 2 && blended(ranked.get(1), combined) > blended(ranked.get(0), combined)) {
      ranked.set(0, two.ranked().get(1));
      ranked.set(1, two.ranked().get(0));
    }
    return new Ranking(ranked, two.verdict());
  }

  private double blended(Scored s, double[] combined) {
    int k = classifier.classIndex(s.topicId());
    return k < 0 ? 0 : combined[k];
  }

  /** The classifier's probability of every topic by id, then of "no topic" as {@code "none"}. */
  Map<String, Double> probabilities(String text) {
    double[] p = classifier.probabilities(text);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int k = 0; k < p.length; k++) {
      String id = classifier.classId(k);
      out.put(id == null ? "none" : id, round(p[k]));
    }
    return out;
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
