package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.vademecum.backup.BackupListener;
import it.vademecum.backup.StoreBackup;
import it.vademecum.privacy.Redactor;
import it.vademecum.usage.H2UsageLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `backup --to DIR` on stopped stores, on the stores of a running `serve`, and what it refuses. */
class BackupCommandTest {

  @TempDir
  Path data;

  @TempDir
  Path backups;

  @Test
  void copiesAStoppedStoreIntoAZipThatOpensWithItsRecords() throws Exception {
    try (H2UsageLog log = usage(data, true)) {
      log.recordAnswer("agent-1", "pec-piena", "svuota");
      log.recordAnswer("agent-2", "pec-piena", "svuota");
    }
    assertEquals(0, Main.run("backup", "--to", backups.resolve("night").toString(), "--data", data.toString()));

    Path restored = unzip(backups.resolve("night/usage.zip"), backups.resolve("restored"));
    try (H2UsageLog copy = usage(restored, false)) {
      assertEquals(2, copy.answersByTopic(Instant.EPOCH, 10).get(0).count(), "the copy holds both answers");
    }
  }

  @Test
  void copiesTheStoresOfARunningServeThroughItsLoopbackListener() throws Exception {
    ChildServe child = new ChildServe(data);
    try (MockConnector connector = MockConnector.start()) {
      Process serve = child.start();
      try {
        assertTrue(Files.exists(data.resolve("admin.json")), "serve says where to ask for a backup");
        assertEquals(200, child.post(connector, "agent-1", "bonifico di 600 euro non registrato")
            .get(30, TimeUnit.SECONDS).statusCode());
        // Statistics are written off the turn, in batches: copy until the search is in the copy.
        long searches = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int round = 0; searches == 0 && System.nanoTime() < deadline; round++) {
          Path to = backups.resolve("run-" + round);
          assertEquals(0, Main.run("backup", "--to", to.toString(), "--data", data.toString()),
              "the server copies the stores it holds open");
          assertEquals(List.of("escalations.zip", "shift.zip", "usage.zip"), list(to));
          try (H2UsageLog copy = usage(unzip(to.resolve("usage.zip"), to.resolve("restored")), false)) {
            searches = copy.searchOutcomes(Instant.EPOCH).searches();
          }
        }
        assertEquals(1, searches, "the copy of the running store holds the agent's search");
      } finally {
        serve.destroy();
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
      }
      assertFalse(Files.exists(data.resolve("admin.json")), "a stopped serve leaves no listener behind");
    }
  }

  @Test
  void neverOverwritesAnEarlierCopyAndSaysSo() throws Exception {
    usage(data, true).close();
    Path to = backups.resolve("same");
    assertEquals(0, Main.run("backup", "--to", to.toString(), "--data", data.toString()));
    long size = Files.size(to.resolve("usage.zip"));
    Files.writeString(to.resolve("usage.zip"), "an earlier copy");
    assertEquals(1, Main.run("backup", "--to", to.toString(), "--data", data.toString()));
    assertEquals("an earlier copy", Files.readString(to.resolve("usage.zip")));
    assertTrue(size > 0);
  }

  @Test
  void aFolderWithoutStoresIsAnErrorAndCreatesNothing() {
    Path empty = data.resolve("nothing-here");
    assertEquals(1, Main.run("backup", "--to", backups.resolve("x").toString(), "--data", empty.toString()));
    assertFalse(Files.exists(backups.resolve("x")));
    assertFalse(Files.exists(empty));
  }

  @Test
  void theListenerAnswersOnlyWithItsTokenAndOnlyTheOwnerCanReadIt() throws Exception {
    usage(data, true).close();
    try (BackupListener listener = BackupListener.start(data)) {
      Path admin = data.resolve("admin.json");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(admin)));
      JsonNode file = new ObjectMapper().readTree(admin.toFile());
      String body = "{\"to\":\"" + backups.resolve("via-listener") + "\",\"stores\":[\"usage\"]}";
      assertEquals(401, post(file.path("port").asInt(), "not-the-token", body).statusCode());
      assertFalse(Files.exists(backups.resolve("via-listener")));
      assertEquals(400, post(file.path("port").asInt(), file.path("token").asText(),
          "{\"to\":\"relative/folder\",\"stores\":[\"usage\"]}").statusCode());

      HttpResponse<String> ok = post(file.path("port").asInt(), file.path("token").asText(), body);
      assertEquals(200, ok.statusCode());
      assertTrue(ok.body().contains("\"outcome\":\"COPIED\""), ok.body());
      assertTrue(Files.size(backups.resolve("via-listener/usage.zip")) > 0);
      assertEquals(StoreBackup.Outcome.FAILED, StoreBackup.copy(data, "../usage", backups).outcome(),
          "only a store of the data folder");
    }
    assertFalse(Files.exists(data.resolve("admin.json")));
  }

  private static HttpResponse<String> post(int port, String token, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/backup"))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static H2UsageLog usage(Path dir, boolean create) {
    return H2UsageLog.open(dir, Redactor.defaults(), Clock.systemUTC(),
        create);
  }

  private static List<String> list(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).sorted().toList();
    }
  }

  private static Path unzip(Path zip, Path to) throws IOException {
    Files.createDirectories(to);
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        Files.copy(z, to.resolve(Path.of(e.getName()).getFileName().toString()));
      }
    }
    return to;
  }
}
