package it.vademecum.bench;

import it.vademecum.match.TopicMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Speed figures for the {@code bench} command (not a timed test): per-query latency percentiles
 * over several rounds, after a warm-up, and the index build time.
 */
final class MatcherBenchmark {

  private MatcherBenchmark() {}

  /**
   * Times {@code rounds} passes over the queries; {@code build_ms} is the time the caller measured
   * to load the engine the matcher belongs to (dialogs, lexicon and index).
   */
  static String run(TopicMatcher m, List<String> queries, int rounds, double buildMillis) {
    return latency(m, queries, rounds) + String.format(Locale.ROOT, " build_ms=%.1f", buildMillis);
  }

  private static String latency(TopicMatcher m, List<String> queries, int rounds) {
    if (queries.isEmpty()) {
      return "match_p50_us=0.0 match_p99_us=0.0 match_max_us=0.0 queries=0";
    }
    int warm = Math.max(3, Math.min(rounds, 20));
    for (int r = 0; r < warm; r++) {
      for (String q : queries) {
        m.rank(q);
      }
    }
    int total = queries.size() * Math.max(1, rounds);
    long[] ns = new long[total];
    int k = 0;
    for (int r = 0; r < Math.max(1, rounds); r++) {
      for (String q : queries) {
        long t0 = System.nanoTime();
        m.rank(q);
        ns[k++] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(ns);
    return String.format(Locale.ROOT, "match_p50_us=%.1f match_p99_us=%.1f match_max_us=%.1f queries=%d",
        ns[total / 2] / 1e3, ns[Math.min(total - 1, (int) Math.ceil(total * 0.99) - 1)] / 1e3, ns[total - 1] / 1e3,
        total);
  }
}
