package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.privacy.Redactor;
import it.vademecum.usage.H2UsageLog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on `serve` (a child JVM) while requests are in flight: they finish with 200, the usage
 * store is closed after them, and a second start on the same DATA_DIR finds every record.
 */
class GracefulStopTest {

  private static final int IN_FLIGHT = 6;
  @TempDir
  Path data;

  @Test
  void inFlightRequestsFinishThenTheStoreClosesAndNothingIsLost() throws Exception {
    try (MockConnector connector = MockConnector.start()) {
      // Each turn: a member lookup and a reply, each 800 ms: SIGTERM lands in the middle of them.
      connector.delay(800);
      ChildServe child = new ChildServe(data);
      Process serve = child.start();
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        inFlight.add(child.post(connector, "agent-" + i, "bonifico di 600 euro non registrato"));
      }
      // SIGTERM once every request is inside its turn (its member lookup reached the connector):
      // a request still in the listen backlog when the port closes is not in flight yet.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (connector.lookups() < IN_FLIGHT && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(IN_FLIGHT, connector.lookups(), "every request reached its turn");
      long stopAt = System.nanoTime();
      serve.destroy();   // SIGTERM
      assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops");
      long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt);
      for (CompletableFuture<HttpResponse<String>> f : inFlight) {
        assertEquals(200, f.get(5, TimeUnit.SECONDS).statusCode(), "an in-flight request finished");
      }
      String out = Files.readString(data.resolve("serve.out"));
      assertTrue(out.contains("Vademecum stopped."), out);
      assertEquals(143, serve.exitValue(), "terminated by SIGTERM after the shutdown hook");
      System.out.println("SIGTERM with " + IN_FLIGHT + " requests in flight: all 200, stopped in " + stopMs + " ms");
      assertEquals(IN_FLIGHT, searches(), "every search of the in-flight requests recorded");

      connector.delay(0);
      Process again = child.start();
      assertEquals(200, child.post(connector, "agent-after", "casella pec piena").get(30, TimeUnit.SECONDS)
          .statusCode());
      again.destroy();
      assertTrue(again.waitFor(30, TimeUnit.SECONDS));
      assertEquals(IN_FLIGHT + 1, searches(), "the second start kept the first one's records");
    }
  }

  private long searches() {
    try (H2UsageLog log = H2UsageLog.open(data, Redactor.defaults(), Clock.systemUTC(), false)) {
      return log.searchOutcomes(Instant.EPOCH).searches();
    }
  }
}
