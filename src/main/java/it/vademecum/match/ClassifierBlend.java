package it.vademecum.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Combines the lexical ranking of a one-topic sentence with the {@link TopicClassifier}'s
 * probabilities. A confident lexical topic stands. A menu is re-ordered by lexical score plus
 * {@link #WEIGHT} times the probability, or becomes "no topic" when the classifier is sure the
 * sentence is none. A lexical "no topic" becomes a menu when the classifier gives one topic at
 * least {@link #RESCUE} and the message names no other product or office matter: a rescued
 * sentence is never started at once, so the agent confirms it in one click.
 */
final class ClassifierBlend {

  /** Weight of the classifier's probability against the lexical score in a menu. */
  static final double WEIGHT = 1.0;
  /** The least probability of a topic that turns a lexical "no topic" into a menu. */
  static final double RESCUE = 0.15;
  /** The least probability of "no topic" that turns a lexical menu into "no topic". */
  static final double REJECT = 0.6;
  /** How many of the lexical menu's topics the classifier may re-order. */
  private static final int REORDERED = 5;
  private static final int MENU = 3;

  private final TopicClassifier classifier;

  ClassifierBlend(TopicClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * @param lexical the lexical matcher's answer for the whole sentence
   * @param raw the lexical score of every topic, in the classifier's topic order (null: no word known)
   * @param foreign whether the message names another product or office matter; asked only for a
   *     rescue, since it analyses the message again
   */
  Ranking apply(String text, Ranking lexical, double[] raw, BooleanSupplier foreign) {
    if (lexical.verdict() == Ranking.Verdict.CONFIDENT) {
      return lexical;
    }
    double[] p = classifier.probabilities(text);
    int top = argmax(p);
    if (lexical.verdict() == Ranking.Verdict.AMBIGUOUS) {
      if (top == classifier.noneClass() && p[top] >= REJECT) {
        return Ranking.none();
      }
      return new Ranking(reorder(lexical.ranked(), p), Ranking.Verdict.AMBIGUOUS);
    }
    if (top == classifier.noneClass() || p[top] < RESCUE || foreign.getAsBoolean()) {
      return lexical;
    }
    Integer[] order = new Integer[classifier.noneClass()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    List<Scored> menu = new ArrayList<>();
    for (int i = 0; i < MENU; i++) {
      int t = order[i];
      double s = (raw == null ? 0 : Math.max(raw[t], 0)) + WEIGHT * p[t];
      menu.add(new Scored(classifier.classId(t), round(Math.min(1.0, s))));
    }
    return new Ranking(menu, Ranking.Verdict.AMBIGUOUS);
  }

  private List<Scored> reorder(List<Scored> ranked, double[] p) {
    int head = Math.min(REORDERED, ranked.size());
    List<Scored> blended = new ArrayList<>();
    for (Scored s : ranked.subList(0, head)) {
      int k = classifier.classIndex(s.topicId());
      double q = k < 0 ? 0 : p[k];
      blended.add(new Scored(s.topicId(), round(Math.min(1.0, s.score() + WEIGHT * q))));
    }
    blended.sort(Comparator.comparingDouble(Scored::score).reversed());
    List<Scored> out = new ArrayList<>(blended);
    out.addAll(ranked.subList(head, ranked.size()));
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
