package it.vademecum.hardening;

import it.vademecum.config.TypedSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.engine.Engine;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.teams.RateLimiter;
import it.vademecum.teams.TeamsServer;
import it.vademecum.teams.VademecumBot;
import it.vademecum.usage.UsageLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real Teams server in local mode on a loopback port, with its own {@link LoopbackConnector}:
 * what the fuzz and flood commands aim at. Posts activities like Azure Bot Service would.
 */
public final class Rig implements AutoCloseable {

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final LoopbackConnector connector;
  private final TeamsServer server;
  private final OkHttpClient http;
  private final ActivityFuzzer fuzzer;

  private Rig(LoopbackConnector connector, TeamsServer server) {
    this.connector = connector;
    this.server = server;
    this.http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS)
        .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES)).build();
    this.fuzzer = new ActivityFuzzer(connector.serviceUrl());
  }

  /** Starts the connector and the server (no credentials, loopback only). */
  public static Rig start(Engine engine, RateLimiter.Policy limit) {
    LoopbackConnector connector = LoopbackConnector.start();
    VademecumBot bot = new VademecumBot(new Assistant(() -> engine,
        new CaffeineSessionStore(Duration.ofHours(8), 100_000), UsageLog.disabled(), EscalationSink.byHand(),
        List.of(), Clock.systemUTC()));
    TeamsServer server = new TeamsServer(new TeamsServer.Options(null, null, TypedSettings.Credentials.DEFAULT_APP_TYPE, null, "127.0.0.1", 0),
        () -> engine, bot).rateLimit(new RateLimiter(limit));
    server.start();
    return new Rig(connector, server);
  }

  public LoopbackConnector connector() {
    return connector;
  }

  public ActivityFuzzer fuzzer() {
    return fuzzer;
  }

  public int port() {
    return server.port();
  }

  public String healthUrl() {
    return "http://127.0.0.1:" + server.port() + "/healthz";
  }

  public String url() {
    return "http://127.0.0.1:" + server.port() + "/api/messages";
  }

  /** A personal-chat message from an agent, in the agent's own conversation. */
  public ObjectNode message(String agent, String text) {
    ObjectNode a = activity("personal-message", agent);
    a.put("text", text);
    return a;
  }

  /** A click on an Action.Submit button carrying {@code value}. */
  public ObjectNode submit(String agent, String value) {
    ObjectNode a = activity("personal-card-submit", agent);
    a.putObject("value").put("v", value);
    return a;
  }

  /** The conversation of an agent's personal chat in this rig. */
  public static String conversation(String agent) {
    return "conv-" + agent;
  }

  private ObjectNode activity(String fixture, String agent) {
    ObjectNode a = ActivityFuzzer.templates().get(ActivityFuzzer.FIXTURES.indexOf(fixture));
    a.put("serviceUrl", connector.serviceUrl());
    a.put("id", UUID.randomUUID().toString());
    ((ObjectNode) a.get("from")).put("aadObjectId", agent).put("id", "user-" + agent);
    ((ObjectNode) a.get("conversation")).put("id", conversation(agent));
    return a;
  }

  /** Posts an activity; the status, or -1 when the request itself failed. */
  public int post(ObjectNode activity) {
    return post(activity.toString().getBytes(StandardCharsets.UTF_8), "application/json");
  }

  /** Posts raw bytes with this Content-Type (null: none). */
  public int post(byte[] body, String contentType) {
    Request.Builder b = new Request.Builder().url(url()).post(RequestBody.create(body, (MediaType) null));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try (Response r = http.newCall(b.build()).execute()) {
      if (r.body() != null) {
        r.body().bytes();
      }
      return r.code();
    } catch (IOException e) {
      return -1;
    }
  }

  static MediaType json() {
    return JSON_TYPE;
  }

  @Override
  public void close() {
    server.close();
    connector.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
