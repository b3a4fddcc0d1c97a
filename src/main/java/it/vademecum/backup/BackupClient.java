package it.vademecum.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks the server that holds a data folder's stores open to copy them ({@link BackupListener}). */
public final class BackupClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BackupClient() {}

  /** Why the running server could not be asked: one line for the operator. */
  public static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  /** The server's results for {@code stores}, copied to the absolute folder {@code to}. */
  public static List<StoreBackup.Result> copy(Path dataDir, List<String> stores, Path to)
      throws Unreachable, InterruptedException {
    Path file = dataDir.toAbsolutePath().normalize().resolve(BackupListener.FILE);
    JsonNode admin;
    try {
      admin = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new Unreachable("the stores are in use, but no running serve left " + file
          + " (another command such as chat holds them: stop it and run backup again)");
    } catch (IOException e) {
      throw new Unreachable("cannot read " + file + " (run backup as the service's user)");
    }
    ObjectNode body = JSON.createObjectNode().put("to", to.toAbsolutePath().normalize().toString());
    stores.forEach(body.putArray("stores")::add);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.path("port").asInt() + "/backup"))
        .header("Authorization", "Bearer " + admin.path("token").asText())
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(10))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unreachable("the server of " + file + " (pid " + admin.path("pid").asText()
          + ") does not answer on 127.0.0.1:" + admin.path("port").asInt());
    }
    if (response.statusCode() != 200) {
      throw new Unreachable("the server refused the backup: HTTP " + response.statusCode());
    }
    List<StoreBackup.Result> out = new ArrayList<>();
    try {
      for (JsonNode r : JSON.readTree(response.body()).path("results")) {
        out.add(new StoreBackup.Result(r.path("store").asText(), Path.of(r.path("zip").asText()),
            StoreBackup.Outcome.valueOf(r.path("outcome").asText()), r.path("detail").asText()));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new Unreachable("the server's answer is not a backup report");
    }
    return out;
  }
}
