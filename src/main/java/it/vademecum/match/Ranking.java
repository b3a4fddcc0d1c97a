package it.vademecum.match;

import java.util.List;

/**
 * Topics ranked best first, with the matcher's verdict: start the best one, ask which of the
 * top three, or no topic.
 */
public record Ranking(List<Scored> ranked, Verdict verdict) {

  public enum Verdict { CONFIDENT, AMBIGUOUS, NONE }

  public Ranking {
    ranked = List.copyOf(ranked);
  }

  public static Ranking none() {
    return new Ranking(List.of(), Verdict.NONE);
  }

  public List<Scored> top(int n) {
    return ranked.subList(0, Math.min(n, ranked.size()));
  }

  public String best() {
    return ranked.isEmpty() ? null : ranked.get(0).topicId();
  }
}
