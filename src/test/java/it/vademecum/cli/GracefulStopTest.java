package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.hardening.ActivityFuzzer;
import it.vademecum.hardening.LoopbackConnector;
import it.vademecum.privacy.Redactor;
import it.vademecum.usage.H2UsageLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path data;

  @Test
  void inFlightRequestsFinishThenTheStoreClosesAndNothingIsLost() throws Exception {
    try (LoopbackConnector connector = LoopbackConnector.start()) {
      // Each turn: a member lookup and a reply, each 800 ms: SIGTERM lands in the middle of them.
      connector.delay(800);
      int port = ChildProcesses.freePort();
      Process serve = start(port);
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        inFlight.add(post(port, connector, "agent-" + i, "bonifico di 600 euro non registrato"));
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
      Process again = start(port);
      assertEquals(200, post(port, connector, "agent-after", "casella pec piena").get(30, TimeUnit.SECONDS)
          .statusCode());
      again.destroy();
      assertTrue(again.waitFor(30, TimeUnit.SECONDS));
      assertEquals(IN_FLIGHT + 1, searches(), "the second start kept the first one's records");
    }
  }

  private long searches() {
    try (H2UsageLog log = H2UsageLog.open(data, Redactor.defaults(), Clock.systemUTC(), Duration.ofDays(90),
        Duration.ofHours(1), false)) {
      return log.searchOutcomes(Instant.EPOCH).searches();
    }
  }

  private Process start(int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "it.vademecum.cli.Main", "serve");
    pb.environment().remove("MicrosoftAppId");
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("DATA_DIR", data.toString());
    pb.environment().put("DIALOGS_DIR", Path.of(System.getProperty("vademecum.dialogs", "dialogs")).toAbsolutePath()
        .toString());
    pb.environment().put("RATE_LIMIT_PER_SECOND", "0");
    pb.directory(data.toFile());
    pb.redirectOutput(data.resolve("serve.out").toFile());
    pb.redirectError(data.resolve("serve.err").toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return p;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
      assertTrue(p.isAlive(), () -> "serve died: " + ChildProcesses.read(data.resolve("serve.err")));
    }
    throw new AssertionError("serve did not start: " + ChildProcesses.read(data.resolve("serve.err")));
  }

  private CompletableFuture<HttpResponse<String>> post(int port, LoopbackConnector connector, String agent,
      String text) {
    ObjectNode a = ActivityFuzzer.templates().get(ActivityFuzzer.FIXTURES.indexOf("personal-message"));
    a.put("serviceUrl", connector.serviceUrl()).put("id", UUID.randomUUID().toString()).put("text", text);
    ((ObjectNode) a.get("from")).put("aadObjectId", agent);
    return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(a.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
