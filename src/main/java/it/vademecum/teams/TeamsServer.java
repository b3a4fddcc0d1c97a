package it.vademecum.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
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
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: POST /api/messages through the SDK's JWT validation, the tenant check and the
 * adapter to the bot, with the invoke response (status and body) written back; GET /healthz.
 * Local mode (no app id): no auth, loopback only.
 */
public final class TeamsServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsServer.class);
  private static final long TURN_TIMEOUT_S = 30;

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
  private Javalin app;

  public TeamsServer(Options options, Supplier<Engine> engine, Bot bot) {
    this(options, engine, bot, ConnectorLimits.DEFAULT);
  }

  /** With the connector's ceiling and 429 handling (CONNECTOR_RATE). */
  public TeamsServer(Options options, Supplier<Engine> engine, Bot bot, ConnectorLimits connector) {
    this.options = options;
    this.engine = engine;
    this.bot = bot;
    this.adapter = TeamsAdapter.create(options.appId(), options.appPassword(), options.appType(), options.tenantId(),
        connector);
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
    app.post("/api/messages", this::messages);
    app.get("/healthz", this::health);
    app.start(options.bindHost(), options.port());
    return app.port();
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    adapter.shutdown();
  }

  private void health(Context ctx) {
    Engine e = engine.get();
    var body = Serialization.createObjectNode();
    body.put("status", "ok");
    body.put("dialogsVersion", e.catalog().version());
    body.put("topics", e.catalog().list().size());
    body.put("mode", options.localMode() ? "local" : "authenticated");
    ctx.contentType("application/json").result(body.toString());
  }

  private void messages(Context ctx) {
    long start = System.nanoTime();
    Activity activity;
    try {
      JsonNode tree = Serialization.jsonToTree(ctx.body());
      activity = Serialization.treeToValue(tree, Activity.class);
      if (activity == null || activity.getType() == null) {
        throw new IllegalArgumentException("no activity type");
      }
    } catch (Exception e) {
      LOG.info("http 400 unreadable activity: {}", e.getClass().getSimpleName());
      error(ctx, 400, "Unreadable activity");
      return;
    }
    // SDK 4.14.1 answers an adaptiveCard/action invoke with 400 unless the value is a JsonNode.
    if (ActivityTypes.INVOKE.equals(activity.getType()) && activity.getValue() != null) {
      activity.setValue(Serialization.objectToTree(activity.getValue()));
    }
    ClaimsIdentity identity;
    try {
      identity = JwtTokenValidation.authenticateRequest(activity, ctx.header("Authorization"),
          adapter.credentials(), adapter.channel(), authConfig).get(TURN_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (isAuthFailure(e)) {
        LOG.info("http 401 type={}", activity.getType());
        error(ctx, 401, "Unauthorized");
        return;
      }
      LOG.error("authentication error: {}", rootCause(e).getClass().getName());
      error(ctx, 500, "Authentication unavailable");
      return;
    }
    Optional<String> expectedTenant = Optional.ofNullable(options.tenantId()).filter(t -> !t.isBlank());
    if (expectedTenant.isPresent()
        && !Inputs.tenant(activity).map(t -> t.equalsIgnoreCase(expectedTenant.get())).orElse(false)) {
      LOG.info("http 403 type={} foreign tenant", activity.getType());
      error(ctx, 403, "Tenant not allowed");
      return;
    }
    try {
      InvokeResponse response = adapter.processActivity(identity, activity, bot::onTurn)
          .get(TURN_TIMEOUT_S, TimeUnit.SECONDS);
      if (response == null) {
        ctx.status(200);
      } else {
        ctx.status(response.getStatus());
        if (response.getBody() != null) {
          ctx.contentType("application/json").result(Serialization.toString(response.getBody()));
        }
      }
      LOG.info("http {} type={} name={} ms={}", ctx.statusCode(), activity.getType(),
          activity.getName() == null ? "-" : activity.getName(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (TimeoutException e) {
      LOG.error("turn timed out type={}", activity.getType());
      error(ctx, 504, "Turn timed out");
    } catch (Exception e) {
      if (isAuthFailure(e)) {
        error(ctx, 401, "Unauthorized");
        return;
      }
      LOG.error("turn failed type={} error={}", activity.getType(), rootCause(e).getClass().getName(), rootCause(e));
      error(ctx, 500, "Turn failed");
    }
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
