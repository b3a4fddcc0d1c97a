package it.vademecum.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.EngineLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the benchmark's output shape only; speed is measured by the bench command, not by tests. */
class MatcherBenchmarkTest {

  @Test
  void reportsLatencyPercentilesAndBuildTime() throws Exception {
    var engine = new EngineLoader().load(Path.of(System.getProperty("vademecum.dialogs", "dialogs")));
    String out = MatcherBenchmark.run(engine.matcher(), List.of("pw dimenticata", "bonifico non risulta"), 3, 12.5);
    assertTrue(out.matches("match_p50_us=[\\d.]+ match_p99_us=[\\d.]+ match_max_us=[\\d.]+ queries=6 build_ms=12.5"),
        out);
  }
}
