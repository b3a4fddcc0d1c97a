package it.vademecum.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.vademecum.store.StoreFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets {@code backup} reach the stores a running server holds open: {@code POST /backup} on a
 * loopback port of its own (never the public one), with a random token that changes at every
 * start. Port and token are in {@code DATA_DIR/admin.json}, readable by the service user only.
 */
public final class BackupListener implements AutoCloseable {

  static final String FILE = "admin.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(BackupListener.class);
  private static final int MAX_BODY = 16 * 1024;

  private final HttpServer server;
  private final Path dataDir;
  private final Path file;
  private final byte[] token;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "backup-listener");
    t.setDaemon(true);
    return t;
  });

  private BackupListener(HttpServer server, Path dataDir, byte[] token) {
    this.server = server;
    this.dataDir = dataDir;
    this.file = dataDir.resolve(FILE);
    this.token = token;
  }

  /** Starts listening on 127.0.0.1 and writes {@code admin.json} in {@code dataDir}. */
  public static BackupListener start(Path dataDir) throws IOException {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    byte[] token = HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    BackupListener listener = new BackupListener(http, dataDir.toAbsolutePath().normalize(), token);
    http.createContext("/backup", listener::handle);
    http.setExecutor(listener.executor);
    http.start();
    try {
      listener.writeFile();
    } catch (IOException e) {
      http.stop(0);
      listener.executor.shutdown();
      throw e;
    }
    return listener;
  }

  private void writeFile() throws IOException {
    StoreFiles.createPrivateDirectories(dataDir);
    ObjectNode body = JSON.createObjectNode().put("port", server.getAddress().getPort())
        .put("token", new String(token, StandardCharsets.US_ASCII))
        .put("pid", ProcessHandle.current().pid());
    Path tmp = Files.createTempFile(dataDir, "admin", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, body.toString(), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        reply(ex, 405, JSON.createObjectNode().put("error", "POST only"));
        return;
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      byte[] given = auth == null || !auth.startsWith("Bearer ") ? new byte[0]
          : auth.substring(7).getBytes(StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(token, given)) {
        LOG.warn("backup request refused: bad token");
        reply(ex, 401, JSON.createObjectNode().put("error", "bad token"));
        return;
      }
      JsonNode request;
      try (InputStream in = ex.getRequestBody()) {
        request = JSON.readTree(in.readNBytes(MAX_BODY));
      } catch (IOException e) {
        reply(ex, 400, JSON.createObjectNode().put("error", "not JSON"));
        return;
      }
      if (request == null || !request.path("to").isTextual() || !Path.of(request.path("to").asText()).isAbsolute()) {
        reply(ex, 400, JSON.createObjectNode().put("error", "\"to\" must be an absolute folder"));
        return;
      }
      Path to = Path.of(request.path("to").asText());
      ArrayNode results = JSON.createArrayNode();
      for (JsonNode store : request.path("stores")) {
        StoreBackup.Result r = StoreBackup.copy(dataDir, store.asText(), to);
        results.addObject().put("store", r.store()).put("zip", r.zip().toString())
            .put("outcome", r.outcome().name()).put("detail", r.detail());
      }
      LOG.info("backup of {} stores requested", results.size());
      reply(ex, 200, JSON.createObjectNode().set("results", results));
    }
  }

  private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops listening and removes {@code admin.json}. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot remove {}", file);
    }
  }
}
