package it.vademecum.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.teams.RateLimiter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Short runs of what `fuzz` and `flood` do, checking their verdicts and last lines. */
class CommandsTest {

  private static Engine engine;

  @BeforeAll
  static void load() throws Exception {
    engine = new EngineLoader().load(Path.of(System.getProperty("vademecum.dialogs", "dialogs")));
  }

  @Test
  void fuzzCountsEveryRequestAndFindsNo5xx() throws Exception {
    try (Rig rig = Rig.start(engine, RateLimiter.Policy.OFF)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      FuzzCommand.Report r = FuzzCommand.run(rig, 400, 2, 7, new PrintStream(out, true, StandardCharsets.UTF_8));
      assertTrue(r.passed(), r.lastLine() + "\n" + out);
      assertEquals(400, r.byStatus().values().stream().mapToLong(Long::longValue).sum());
      assertTrue(r.lastLine().matches("requests=400 status_2xx=\\d+ status_4xx=\\d+ status_5xx=0 failed=0 "
          + "sentinel=ok after=ok seconds=[0-9.]+ rps=\\d+"), r.lastLine());
    }
  }

  @Test
  void floodSlowsTheFlooderAndServesTheOthers() throws Exception {
    RateLimiter.Policy policy = new RateLimiter.Policy(10, 2);
    try (Rig rig = Rig.start(engine, policy)) {
      FloodCommand.Report r = FloodCommand.run(rig, new FloodCommand.Load(2, 100, 5, 200));
      System.out.println(r.lastLine());
      assertEquals(0, r.status5xx(), r.lastLine());
      assertEquals(0, r.othersNot200(), r.lastLine());
      assertTrue(r.floodSent() >= 100, r.lastLine());
      // At most the burst, two a second and one polite note (and slack for the scheduler).
      assertTrue(r.floodReplies() <= 10 + 2 * 3 + 1 + 2, r.lastLine());
      assertTrue(r.floodP95() < 1_000, "others stay fast during the flood: " + r.lastLine());
    }
  }

  @Test
  void aSlowLorisLeavesHealthAndAgentsAnsweredAtOnce() throws Exception {
    try (Rig rig = Rig.start(engine, RateLimiter.Policy.OFF)) {
      SlowLoris.Figures f = SlowLoris.run(rig, 300, 3);
      System.out.println(f.lastLine());
      assertTrue(f.passed(), f.lastLine());
    }
  }
}
