package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` (a child JVM) on settings or files it must not run with: it stops with a message saying
 * what to do; and on a DATA_DIR it cannot fully use, it runs and /healthz says "degraded" and why.
 */
class ServeRefusalsTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;

  private Process serve(Path data, int port, String name, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "it.vademecum.cli.Main", "serve");
    pb.environment().keySet().removeIf(k -> k.startsWith("Microsoft") || k.equals("TEAMLEAD_CHANNEL_ID"));
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("DATA_DIR", data.toString());
    pb.environment().put("DIALOGS_DIR", Path.of(System.getProperty("vademecum.dialogs", "dialogs")).toAbsolutePath()
        .toString());
    pb.environment().putAll(env);
    pb.directory(dir.toFile());
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    pb.redirectError(dir.resolve(name + ".err").toFile());
    return pb.start();
  }

  private String refusal(Process p, String name) throws Exception {
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve stops by itself");
    assertEquals(1, p.exitValue());
    return Files.readString(dir.resolve(name + ".err"));
  }

  private JsonNode health(Process p, int port, String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), () -> "serve died: " + ChildProcesses.read(dir.resolve(name + ".err")));
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return new ObjectMapper().readTree(r.body());
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start: " + ChildProcesses.read(dir.resolve(name + ".err")));
  }

  @Test
  void aPasswordWithoutAnAppIdStopsServeNamingMicrosoftAppId() throws Exception {
    String err = refusal(serve(dir.resolve("data"), ChildProcesses.freePort(), "password",
        Map.of("MicrosoftAppPassword", "secret")), "password");
    assertTrue(err.contains("MicrosoftAppId") && err.contains("MicrosoftAppPassword"), err);
  }

  @Test
  void anEmptyEscalationsFileStopsServeAndIsLeftAsItWas() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = Files.createFile(data.resolve("escalations.mv.db"));
    String err = refusal(serve(data, ChildProcesses.freePort(), "empty", Map.of()), "empty");
    assertTrue(err.contains(file.toAbsolutePath().toString()) && err.contains("backup"), err);
    assertEquals(0, Files.size(file));
  }

  @Test
  void aDataDirThatCannotBeCreatedRunsDegradedWithTheReasons() throws Exception {
    // A folder under a regular file cannot be created, not even by root.
    Path data = Files.createFile(dir.resolve("a-file")).resolve("data");
    int port = ChildProcesses.freePort();
    Process p = serve(data, port, "unwritable", Map.of());
    try {
      JsonNode h = health(p, port, "unwritable");
      assertEquals("degraded", h.path("status").asText(), h.toString());
      for (String part : new String[] {"usage", "escalations", "reminders"}) {
        assertEquals("off", h.path("parts").path(part).path("state").asText(), part + ": " + h);
      }
      assertEquals("ok", h.path("parts").path("dialogs").path("state").asText());
      assertTrue(h.path("reasons").size() >= 3, h.toString());
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecondInstanceOnTheSameFilesRunsDegradedSayingTheyAreInUse() throws Exception {
    Path data = dir.resolve("data");
    int first = ChildProcesses.freePort();
    Process one = serve(data, first, "first", Map.of());
    Process two = null;
    try {
      JsonNode h1 = health(one, first, "first");
      assertEquals("ok", h1.path("parts").path("usage").path("state").asText(), h1.toString());
      int second = ChildProcesses.freePort();
      two = serve(data, second, "second", Map.of());
      JsonNode h2 = health(two, second, "second");
      assertEquals("degraded", h2.path("status").asText(), h2.toString());
      assertTrue(h2.path("parts").path("usage").path("reason").asText().contains("in use"), h2.toString());
      assertTrue(h2.path("parts").path("escalations").path("reason").asText().contains("in use"), h2.toString());
      assertTrue(h2.path("parts").path("usage").path("reason").asText().contains("usage.mv.db"), h2.toString());
      assertFalse(h2.toString().contains(data.toAbsolutePath().toString()), "where the data lives stays private: " + h2);
    } finally {
      if (two != null) {
        two.destroy();
        two.waitFor(30, TimeUnit.SECONDS);
      }
      one.destroy();
      one.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
