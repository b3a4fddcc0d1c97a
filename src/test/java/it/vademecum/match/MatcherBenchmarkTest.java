package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the benchmark's output shape only; speed is measured by the bench command, not by tests. */
class MatcherBenchmarkTest {

  @Test
  void reportsLatencyPercentilesAndBuildTime() {
    String out = MatcherBenchmark.run(Fixture.matcher(), List.of("pw dimenticata", "bonifico non risulta"), 3);
    assertTrue(out.matches("match_p50_us=[\\d.]+ match_p99_us=[\\d.]+ match_max_us=[\\d.]+ queries=6 build_ms=[\\d.]+"),
        out);
  }

  @Test
  void measuresBuildFromTopics() {
    String out = MatcherBenchmark.run(Fixture.topics(), Fixture.lexicon(), List.of("pw dimenticata"), 3);
    assertTrue(out.contains("build_ms=") && out.contains("topics=12"), out);
  }
}
