package it.vademecum.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import io.javalin.Javalin;
import io.javalin.http.Context;
import it.vademecum.engine.Engine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Request;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: POST /api/messages through the SDK's JWT validation, the tenant check and the
 * adapter to the bot, with the invoke response (status and body) written back; GET /healthz.
 * Local mode (no app id): no auth, loopback only. Every request passes the {@link ActivityValidator}
 * first (a clear 4xx for anything that is not a Teams activity), then the per-agent
 * {@link RateLimiter}; a turn answers within the turn timeout even when the connector is dead.
 */
public final class TeamsServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsServer.class);
  /** Azure Bot Service gives up on a bot after about 15 s: answer before, whatever the connector does. */
  public static final Duration DEFAULT_TURN_TIMEOUT = Duration.ofSeconds(10);
  /** The longest the body of one request may take to arrive: a real activity comes at once. */
  public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(5);
  /** Bodies read at once before authentication; more are refused with 503 without reading. */
  static final int MAX_BODY_READS = 64;

  /** What the server needs to know; built from Settings by the serve command, directly by tests. */
  public record Options(String appId, String appPassword, String appType, String tenantId, String host, int port) {

    public boolean localMode() {
      return appId == null || appId.isBlank();
    }

    /** Loopback only in local mode; every interface with credentials unless a host is given. */
    public String bindHost() {
      if (host != null && !host.isBlank()) {
        return host;
      }
      return localMode() ? "127.0.0.1" : "0.0.0.0";
    }
  }

  private final Options options;
  private final Supplier<Engine> engine;
  private final TeamsAdapter adapter;
  private final Bot bot;
  private final AuthenticationConfiguration authConfig = new AuthenticationConfiguration();
  private final ActivityValidator validator;
  /** The token check with credentials; null in local mode. */
  private final ChannelAuthenticator authenticator;
  private volatile BodyReads bodyReads = new BodyReads(MAX_BODY_READS, DEFAULT_BODY_DEADLINE);
  private volatile Supplier<List<HealthPart>> parts = List::of;
  private final InFlightGate inFlight = new InFlightGate();
  private final AtomicLong busyLogged = new AtomicLong(
      System.nanoTime() - TimeUnit.MINUTES.toNanos(1));
  /** Runs the turns; as many at most as Jetty has request threads waiting on them. */
  private final ExecutorService turns = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "vademecum-turn");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean draining;
  private volatile Duration turnTimeout = DEFAULT_TURN_TIMEOUT;
  private volatile RateLimiter rateLimiter = new RateLimiter(RateLimiter.Policy.OFF);
  private volatile Supplier<Map<String, String>> sharedEngines = Map::of;
  private final List<Consumer<Javalin>> routes = new ArrayList<>();
  private Javalin app;

  public TeamsServer(Options options, Supplier<Engine> engine, Bot bot) {
    this(options, engine, bot, ConnectorLimits.DEFAULT);
  }

  /** With the connector's ceiling and 429 handling (CONNECTOR_RATE). */
  public TeamsServer(Options options, Supplier<Engine> engine, Bot bot, ConnectorLimits connector) {
    this(options, engine, bot, TeamsAdapter.create(options.appId(), options.appPassword(), options.appType(),
        options.tenantId(), connector));
  }

  /** With the adapter given: the credentials it holds must be those of {@code options}. */
  TeamsServer(Options options, Supplier<Engine> engine, Bot bot, TeamsAdapter adapter) {
    this.options = options;
    this.engine = engine;
    this.bot = bot;
    this.adapter = adapter;
    this.validator = new ActivityValidator(options.localMode());
    this.authenticator = options.localMode() ? null : ChannelAuthenticator.start(adapter.credentials());
  }

  /** The deadline of a body's arrival and how many bodies are read at once (defaults: 5 s, 64). */
  TeamsServer bodyReads(int atOnce, Duration deadline) {
    this.bodyReads.close();
    this.bodyReads = new BodyReads(atOnce, deadline);
    return this;
  }

  /** The parts /healthz reports besides the dialogs (usage, escalations, reminders, channel). */
  public TeamsServer health(Supplier<List<HealthPart>> parts) {
    this.parts = parts;
    return this;
  }

  /** The longest an /api/messages request waits for its turn (default 10 s); then 504. */
  public TeamsServer turnTimeout(Duration timeout) {
    this.turnTimeout = timeout;
    return this;
  }

  /**
   * The engines shared with other instances (Redis, PostgreSQL) and whether each answers now
   * ("ok" or why not); /healthz says "degraded" while one does not. Returns this.
   */
  public TeamsServer sharedEngines(Supplier<Map<String, String>> engines) {
    this.sharedEngines = Objects.requireNonNull(engines);
    return this;
  }

  /** Per-agent limit on messages and card clicks (off unless set). */
  public TeamsServer rateLimit(RateLimiter limiter) {
    this.rateLimiter = limiter;
    return this;
  }

  /** More routes on the same server (the supervisors' dashboard), added at {@link #start}. */
  public TeamsServer routes(Consumer<Javalin> more) {
    routes.add(more);
    return this;
  }

  /** With credentials: waits until the Bot Framework's signing keys are at hand (true at once in local mode). */
  boolean awaitSigningKeys(Duration bound) throws InterruptedException {
    return authenticator == null || authenticator.keys().awaitReady(bound);
  }

  /** Requests being answered now. */
  public int inFlight() {
    return inFlight.count();
  }

  public TeamsAdapter adapter() {
    return adapter;
  }

  /** Starts listening; returns the bound port (useful with port 0). */
  public int start() {
    app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.useVirtualThreads = false;
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("http 500 unexpected {}", e.getClass().getName(), e);
      error(ctx, 500, "Internal error");
    });
    app.post("/api/messages", this::messages);
    app.get("/healthz", this::health);
    routes.forEach(r -> r.accept(app));
    app.start(options.bindHost(), options.port());
    return app.port();
  }

  public int port() {
    return app.port();
  }

  /**
   * Graceful stop: stop accepting connections, answer 503 to requests on open connections, wait
   * up to {@code drain} for the requests in flight to finish, then stop the server.
   *
   * @return whether every request in flight finished within the bound
   */
  public boolean shutdown(Duration drain) {
    if (app == null) {
      return true;
    }
    draining = true;
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof NetworkConnector n) {
        n.close();
      }
    }
    boolean drained = inFlight.awaitEmpty(drain);
    if (!drained) {
      LOG.warn("shutdown: {} requests still in flight after {} ms", inFlight.count(), drain.toMillis());
    }
    app.stop();
    turns.shutdown();
    bodyReads.close();
    return drained;
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    turns.shutdown();
    bodyReads.close();
    if (authenticator != null) {
      authenticator.close();
    }
    adapter.shutdown();
  }

  /** Not yet: a {@link PendingBot} still waiting for the dialogs. */
  private boolean starting() {
    return bot instanceof PendingBot p && !p.isReady();
  }

  private void health(Context ctx) {
    Engine e = starting() ? null : engine.get();
    if (e == null) {
      var body = Serialization.createObjectNode();
      body.put("status", "starting");
      ctx.status(503).header("Retry-After", "1").contentType("application/json").result(body.toString());
      return;
    }
    List<HealthPart> all = new ArrayList<>();
    all.add(HealthPart.ok("dialogs"));
    all.addAll(parts.get());
    if (authenticator != null) {
      all.add(authenticator.ready() ? HealthPart.ok("authentication")
          : HealthPart.off("authentication", "OpenID signing keys not fetched yet"));
    }
    var body = Serialization.createObjectNode();
    // The shared engines (Redis, PostgreSQL) of a multi-instance deployment, each a part too.
    Map<String, String> shared = sharedEngines.get();
    shared.forEach((name, state) -> all.add("ok".equals(state) ? HealthPart.ok(name) : HealthPart.off(name, state)));
    List<String> reasons = all.stream().filter(p -> !p.ok()).map(p -> p.name() + ": " + p.reason()).toList();
    body.put("status", reasons.isEmpty() ? "ok" : "degraded");
    if (!shared.isEmpty()) {
      var engines = body.putObject("shared");
      shared.forEach((name, state) -> engines.put(name, HealthPart.shown(state)));
    }
    body.put("dialogsVersion", e.catalog().version());
    body.put("topics", e.catalog().list().size());
    body.put("mode", options.localMode() ? "local" : "authenticated");
    var partsNode = body.putObject("parts");
    for (HealthPart p : all) {
      var node = partsNode.putObject(p.name());
      node.put("state", p.ok() ? "ok" : "off");
      if (!p.ok()) {
        node.put("reason", p.reason());
      }
    }
    var reasonsNode = body.putArray("reasons");
    reasons.forEach(reasonsNode::add);
    ctx.contentType("application/json").result(body.toString());
  }

  private void messages(Context ctx) throws IOException {
    if (draining) {
      ctx.header("Connection", "close").header("Retry-After", "5");
      error(ctx, 503, "Shutting down");
      return;
    }
    if (starting()) {
      ctx.header("Retry-After", "1");
      error(ctx, 503, "Starting");
      return;
    }
    inFlight.enter();
    try {
      turn(ctx);
    } finally {
      inFlight.leave();
    }
  }

  private void turn(Context ctx) throws IOException {
    long start = System.nanoTime();
    if (authenticator != null && !ChannelAuthenticator.wellFormed(ctx.header("Authorization"))) {
      // Before the body: a client without a token cannot hold a thread by sending it slowly.
      LOG.info("http 401 no bearer token");
      ctx.header("Connection", "close");
      error(ctx, 401, "Unauthorized");
      return;
    }
    BodyReads reads = bodyReads;
    long declared = ctx.req().getContentLengthLong();
    // A body already here in full (an activity from Teams, as a rule) takes no slot: its read cannot block.
    boolean here = declared > 0 && ctx.req().getInputStream().available() >= declared;
    BodyReads.Read reading = here ? reads.instant() : reads.begin(connection(ctx));
    if (reading == null) {
      long now = System.nanoTime();
      long last = busyLogged.get();
      if (now - last > TimeUnit.SECONDS.toNanos(10) && busyLogged.compareAndSet(last, now)) {
        LOG.warn("http 503 {} bodies being read already (logged at most every 10 s)", MAX_BODY_READS);
      }
      ctx.header("Connection", "close").header("Retry-After", "1");
      error(ctx, 503, "Busy");
      return;
    }
    ActivityValidator.Result read;
    try (reading) {
      read = validator.validate(ctx.header("Content-Type"), declared, ctx.req().getInputStream());
      if (reading.expired()) {
        LOG.info("http 408 body not received within {} ms", reads.deadline().toMillis());
        ctx.header("Connection", "close");
        error(ctx, 408, "Body too slow");
        return;
      }
    }
    if (!read.accepted()) {
      ActivityValidator.Rejection r = read.rejection();
      LOG.info("http {} rejected: {}", r.status(), r.reason());
      if (r.status() == 413) {
        ctx.header("Connection", "close");
      }
      error(ctx, r.status(), r.message());
      return;
    }
    Activity activity = read.activity();
    // SDK 4.14.1 answers an adaptiveCard/action invoke with 400 unless the value is a JsonNode.
    if (ActivityTypes.INVOKE.equals(activity.getType()) && activity.getValue() != null) {
      activity.setValue(Serialization.objectToTree(activity.getValue()));
    }
    ClaimsIdentity identity;
    try {
      identity = (authenticator == null
          ? JwtTokenValidation.authenticateRequest(activity, ctx.header("Authorization"), adapter.credentials(),
              adapter.channel(), authConfig)
          : authenticator.authenticate(activity, ctx.header("Authorization")))
          .get(turnTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (rootCause(e) instanceof ChannelAuthenticator.KeysUnavailable) {
        LOG.info("http 503 type={} signing keys not fetched yet", activity.getType());
        ctx.header("Retry-After", "5");
        error(ctx, 503, "Authentication unavailable");
        return;
      }
      if (isAuthFailure(e)) {
        LOG.info("http 401 type={}", activity.getType());
        error(ctx, 401, "Unauthorized");
        return;
      }
      LOG.error("authentication error: {}", rootCause(e).getClass().getName());
      error(ctx, 503, "Authentication unavailable");
      return;
    }
    Optional<String> expectedTenant = Optional.ofNullable(options.tenantId()).filter(t -> !t.isBlank());
    if (expectedTenant.isPresent()
        && !Inputs.tenant(activity).map(t -> t.equalsIgnoreCase(expectedTenant.get())).orElse(false)) {
      LOG.info("http 403 type={} foreign tenant", activity.getType());
      error(ctx, 403, "Tenant not allowed");
      return;
    }
    if (limited(ctx, identity, activity)) {
      return;
    }
    Future<InvokeResponse> work = null;
    try {
      // On a thread of its own, so that the bound holds even for what the SDK does synchronously.
      // A turn past its bound is interrupted: its wait on the connector ends, no work goes on unseen.
      work = turns.submit(() -> adapter.processActivity(identity, activity, bot::onTurn).get());
      InvokeResponse response = work.get(turnTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response == null) {
        ctx.status(200);
      } else if (response.getStatus() == 501) {
        // The SDK's answer to an invoke no handler takes: the caller asked for something unsupported.
        error(ctx, 400, "Unsupported invoke");
      } else if (response.getStatus() >= 500) {
        // The SDK puts the exception's message in the body: the caller never reads internals.
        LOG.warn("http {} invoke name={} failed in a handler", response.getStatus(), activity.getName());
        error(ctx, 500, "Turn failed");
      } else {
        ctx.status(response.getStatus());
        if (response.getBody() != null) {
          ctx.contentType("application/json").result(Serialization.toString(response.getBody()));
        }
      }
      LOG.debug("http {} type={} name={} ms={}", ctx.statusCode(), activity.getType(),
          activity.getName() == null ? "-" : activity.getName(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (TimeoutException e) {
      work.cancel(true);
      LOG.error("http 504 turn timed out type={} after {} ms", activity.getType(), turnTimeout.toMillis());
      error(ctx, 504, "Turn timed out");
    } catch (Exception e) {
      if (isAuthFailure(e)) {
        error(ctx, 401, "Unauthorized");
        return;
      }
      if (isConnectorFailure(e)) {
        LOG.warn("http 502 connector unreachable type={} error={} ms={}", activity.getType(),
            rootCause(e).getClass().getSimpleName(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        error(ctx, 502, "Connector unavailable");
        return;
      }
      LOG.error("turn failed type={} error={}", activity.getType(), rootCause(e).getClass().getName(), rootCause(e));
      error(ctx, 500, "Turn failed");
    }
  }

  /**
   * Whether the agent is over the rate limit: a message is answered once with a polite note and
   * then dropped quietly; a card click (invoke) gets the note as its invoke response.
   */
  private boolean limited(Context ctx, ClaimsIdentity identity, Activity activity) {
    boolean message = ActivityTypes.MESSAGE.equals(activity.getType());
    if (!message && !ActivityTypes.INVOKE.equals(activity.getType())) {
      return false;
    }
    RateLimiter.Decision d = rateLimiter.acquire(Inputs.agentKey(activity));
    if (d == RateLimiter.Decision.ALLOW) {
      return false;
    }
    LOG.info("http 200 type={} rate limited ({})", activity.getType(), d);
    if (!message) {
      var body = Serialization.createObjectNode();
      body.put("statusCode", 200).put("type", "application/vnd.microsoft.activity.message")
          .put("value", RateLimiter.SLOW_DOWN);
      ctx.status(200).contentType("application/json").result(body.toString());
      return true;
    }
    if (d == RateLimiter.Decision.REFUSE_AND_TELL) {
      try {
        adapter.processActivity(identity, activity, turn -> turn.sendActivity(
            MessageFactory.text(RateLimiter.SLOW_DOWN)).thenApply(r -> null))
            .get(turnTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("rate limit note not delivered: {}", rootCause(e).getClass().getSimpleName());
      }
    }
    ctx.status(200);
    return true;
  }

  /** How the body's deadline cuts a connection: Jetty's endpoint, closed under the blocked read. */
  private static Runnable connection(Context ctx) {
    Request base = Request.getBaseRequest(ctx.req());
    return () -> {
      if (base != null) {
        base.getHttpChannel().getEndPoint().close();
      }
    };
  }

  private static boolean isConnectorFailure(Throwable e) {
    return TeamsAdapter.connectorFailure(e);
  }

  private static boolean isAuthFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationException || t instanceof JWTVerificationException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static void error(Context ctx, int status, String message) {
    var body = Serialization.createObjectNode();
    body.put("error", message);
    ctx.status(status).contentType("application/json").result(body.toString());
  }
}
