package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.engine.Engine;
import it.vademecum.usage.UsageLog;
import it.vademecum.engine.EngineLoader;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.session.SessionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Function;
import com.microsoft.bot.builder.Bot;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The real server on a free loopback port, a fake connector, and Teams-shaped activities. */
final class BotUnderTest implements AutoCloseable {

  static final String TENANT = "00000000-0000-0000-0000-0000000000001";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static Engine engine;

  final FakeConnector connector;
  final TeamsServer server;
  final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

  /** Local mode (no credentials) unless an app id is given. */
  BotUnderTest(String appId, String tenantId) throws Exception {
    this(appId, tenantId, bot -> bot);
  }

  /** With the bot wrapped before the server gets it (a {@link PendingBot}, say). */
  BotUnderTest(String appId, String tenantId, Function<VademecumBot, Bot> wrap) throws Exception {
    this(appId, tenantId, wrap, new CaffeineSessionStore(Duration.ofHours(8), 1000), false);
  }

  /** Local mode, with PHRASES_AS_MESSAGES on or off. */
  BotUnderTest(boolean phrasesAsMessages) throws Exception {
    this(null, null, bot -> bot, new CaffeineSessionStore(Duration.ofHours(8), 1000), phrasesAsMessages);
  }

  /** Local mode with sessions in the given store (one of several instances sharing it, say). */
  BotUnderTest(SessionStore sessions) throws Exception {
    this(null, null, bot -> bot, sessions, false);
  }

  private BotUnderTest(String appId, String tenantId, Function<VademecumBot, Bot> wrap, SessionStore sessions,
      boolean phrasesAsMessages)
      throws Exception {
    connector = new FakeConnector();
    // A Tuesday at 10:15 in Rome: business hours, "Buongiorno".
    Clock clock = Clock.fixed(ZonedDateTime.of(2026, 12, 1, 10, 15, 0, 0, ZoneId.of("Europe/Rome")).toInstant(),
        ZoneId.of("Europe/Rome"));
    Engine e = engine();
    VademecumBot bot = new VademecumBot(new Assistant(() -> e, sessions,
        UsageLog.disabled(), EscalationSink.byHand(), List.of(), clock), null, phrasesAsMessages);
    server = new TeamsServer(new TeamsServer.Options(appId, appId == null ? null : "secret", "MultiTenant",
        tenantId, "127.0.0.1", 0), () -> e, wrap.apply(bot));
    server.start();
  }

  static synchronized Engine engine() throws Exception {
    if (engine == null) {
      engine = new EngineLoader().load(Path.of(System.getProperty("vademecum.dialogs", "dialogs")));
    }
    return engine;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** A fixture from the Playground, pointed at the fake connector, with a fresh activity id. */
  ObjectNode fixture(String name) throws IOException {
    return Activities.fixture(name, connector.serviceUrl());
  }

  ObjectNode message(String text) throws IOException {
    return Activities.message(text, connector.serviceUrl());
  }

  /** An Action.Submit click: a message whose value is the button's data. */
  ObjectNode submit(String value) throws IOException {
    return Activities.submit(value, connector.serviceUrl());
  }

  /** A click on the card the connector knows by {@code cardId}, as Teams sends it (replyToId). */
  ObjectNode submit(String value, String cardId) throws IOException {
    ObjectNode a = submit(value);
    a.put("replyToId", cardId);
    return a;
  }

  /** An Action.Execute click: an adaptiveCard/action invoke carrying the same data. */
  ObjectNode execute(String value) throws IOException {
    return Activities.execute(value, connector.serviceUrl());
  }

  /** An Action.Execute click on the card the connector knows by {@code cardId} (replyToId). */
  ObjectNode execute(String value, String cardId) throws IOException {
    ObjectNode a = execute(value);
    a.put("replyToId", cardId);
    return a;
  }

  record Answer(int status, String body, long millis) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  Answer post(JsonNode activity) throws IOException {
    return post(activity.toString(), null);
  }

  Answer post(String body, String authorization) throws IOException {
    Request.Builder b = new Request.Builder().url(url("/api/messages")).post(RequestBody.create(body, JSON_TYPE));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    long start = System.nanoTime();
    try (Response r = http.newCall(b.build()).execute()) {
      String text = r.body() == null ? "" : r.body().string();
      return new Answer(r.code(), text, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
  }

  Answer get(String path) throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(url(path)).build()).execute()) {
      return new Answer(r.code(), r.body() == null ? "" : r.body().string(), 0);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    connector.close();
  }
}
