package it.vademecum.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code soak --instances 2} on the real Redis and PostgreSQL of TEST_REDIS_URL and TEST_DATABASE_URL
 * (`.ci/services.sh`): two serve processes behind HAProxy, agents' activities through it, one serve
 * killed and restarted, every escalation in the channel once, the ceiling never passed.
 */
class SoakInstancesTest {

  @Test
  void everyEscalationReachesTheChannelOnceThroughTwoServesBehindHaproxyWithOneKilled() throws Exception {
    String redis = System.getenv("TEST_REDIS_URL");
    String database = System.getenv("TEST_DATABASE_URL");
    if (redis == null || database == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI needs TEST_REDIS_URL and TEST_DATABASE_URL (.ci/services.sh)");
      }
      Assumptions.abort("no TEST_REDIS_URL/TEST_DATABASE_URL: start them with . .ci/services.sh && services_start");
    }
    Path dialogs = Path.of("dialogs");
    if (!Files.isDirectory(dialogs)) {
      dialogs = Path.of("..", "dialogs");
    }
    SoakCommand soak = new SoakCommand();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream before = System.out;
    int code;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      code = new CommandLine(soak).execute("--instances", "2", "--count", "60", "--redis-url", redis,
          "--database-url", database, "--dialogs", dialogs.toString());
    } finally {
      System.setOut(before);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.contains("escalations=60 delivered=60 duplicates=0 lost=0"), out);
    assertTrue(out.contains("kill -9 of serve 0 after "), out);
    assertTrue(out.contains("tickets_escalated_twice=0"), out);
  }
}
