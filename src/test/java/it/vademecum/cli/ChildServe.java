package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** `serve` in a child JVM on a free port and a data folder of its own, in local mode; its output in that folder. */
final class ChildServe {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path data;
  private final int port;

  ChildServe(Path data) throws IOException {
    this.data = data;
    this.port = ChildProcesses.freePort();
  }

  /** Starts `serve` and returns once /healthz answers 200. */
  Process start() throws Exception {
    ProcessBuilder pb = ChildJvm.builder(data, java.util.Map.of("PORT", String.valueOf(port),
        "DATA_DIR", data.toString(), "DIALOGS_DIR", ChildJvm.dialogs().toString(), "RATE_LIMIT_PER_SECOND", "0"),
        "serve");
    pb.redirectOutput(data.resolve("serve.out").toFile());
    pb.redirectError(data.resolve("serve.err").toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return p;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
      assertTrue(p.isAlive(), () -> "serve died: " + read("serve.err"));
    }
    throw new AssertionError("serve did not start: " + read("serve.err"));
  }

  /** A personal message from {@code agent}, as the Playground sends it. */
  CompletableFuture<HttpResponse<String>> post(MockConnector connector, String agent, String text)
      throws IOException {
    ObjectNode a = personalMessage();
    a.put("serviceUrl", connector.serviceUrl()).put("id", UUID.randomUUID().toString()).put("text", text);
    ((ObjectNode) a.get("from")).put("aadObjectId", agent);
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(a.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ObjectNode personalMessage() throws IOException {
    try (var in = ChildServe.class.getResourceAsStream("/it/vademecum/teams/fixtures/personal-message.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  /** A file the child wrote in its data folder, or "" when there is none. */
  String read(String name) {
    return ChildProcesses.read(data.resolve(name));
  }
}
