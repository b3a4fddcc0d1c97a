package it.vademecum.usage;

import java.util.Objects;

/**
 * What a topic search found, as the usage store keeps it: the verdict, and the best topic and its
 * score when there was one ({@code bestTopic} and {@code bestScore} both null otherwise).
 */
public record Search(Verdict verdict, String bestTopic, Double bestScore) {

  /** A topic started at once, a choice among a few, or no topic. */
  public enum Verdict { CONFIDENT, AMBIGUOUS, NONE }

  public Search {
    Objects.requireNonNull(verdict);
    if ((bestTopic == null) != (bestScore == null)) {
      throw new IllegalArgumentException("a best topic needs its score, and a score its topic");
    }
  }

  /** No topic, and none ranked. */
  public static Search none() {
    return new Search(Verdict.NONE, null, null);
  }
}
