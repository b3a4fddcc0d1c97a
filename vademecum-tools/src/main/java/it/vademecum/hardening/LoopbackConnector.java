package it.vademecum.hardening;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Teams Bot Connector on a loopback port, for the fuzz and flood commands: accepts every
 * activity the bot posts (and its updates of a message, which are not posts), answers the member
 * lookup, counts the calls and can be made slow. Nothing it receives is kept or printed, except the
 * last activity posted to a watched conversation.
 */
public final class LoopbackConnector implements AutoCloseable {

  public static final String PREFIX = "/_connector";
  private static final Pattern ACTIVITIES = Pattern.compile(PREFIX + "/v3/conversations/([^/]+)/activities(/[^/]+)?");
  private static final Pattern MEMBER = Pattern.compile(PREFIX + "/v3/conversations/[^/]+/members/[^/]+");
  private static final String MEMBER_JSON = "{\"id\":\"user-id-0\",\"name\":\"Mario Rossi\",\"givenName\":\"Mario\","
      + "\"surname\":\"Rossi\",\"aadObjectId\":\"00000000-0000-0000-0000-0000000000020\","
      + "\"userPrincipalName\":\"mario.rossi@example.com\",\"tenantId\":\"00000000-0000-0000-0000-0000000000001\"}";

  private final Javalin app;
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong lookups = new AtomicLong();
  private final Map<String, AtomicLong> watchedPosts = new ConcurrentHashMap<>();
  private final Map<String, String> watchedLast = new ConcurrentHashMap<>();
  private volatile long delayMs;

  private LoopbackConnector(Javalin app) {
    this.app = app;
  }

  /** Starts on a free loopback port. */
  public static LoopbackConnector start() {
    Javalin app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
    LoopbackConnector c = new LoopbackConnector(app);
    app.post("/*", c::post);
    app.put("/*", c::update);
    app.get("/*", c::get);
    app.start("127.0.0.1", 0);
    return c;
  }

  public String serviceUrl() {
    return "http://127.0.0.1:" + app.port() + PREFIX;
  }

  /** Each call waits this long before its answer (a real connector: ~100 ms). */
  public void delay(long ms) {
    this.delayMs = ms;
  }

  /** Activities posted by the bot so far. */
  public long posts() {
    return posts.get();
  }

  /** Counts the posts to this conversation and keeps the last one (the sentinel's, the flooder's). */
  public void watch(String conversationId) {
    watchedPosts.putIfAbsent(conversationId, new AtomicLong());
  }

  public long posts(String conversationId) {
    AtomicLong n = watchedPosts.get(conversationId);
    return n == null ? 0 : n.get();
  }

  /** The body of the last activity posted to a watched conversation, or "". */
  public String last(String conversationId) {
    return watchedLast.getOrDefault(conversationId, "");
  }

  public long lookups() {
    return lookups.get();
  }

  private void post(Context ctx) throws InterruptedException {
    pause();
    Matcher m = ACTIVITIES.matcher(ctx.path());
    if (m.matches()) {
      posts.incrementAndGet();
      AtomicLong watched = watchedPosts.get(m.group(1));
      if (watched != null) {
        watched.incrementAndGet();
        watchedLast.put(m.group(1), ctx.body());
      }
      ctx.contentType("application/json").result("{\"id\":\"bot-activity-" + ids.incrementAndGet() + "\"}");
    } else {
      ctx.status(404).contentType("application/json").result("{\"error\":{\"code\":\"NotFound\"}}");
    }
  }

  /** A message the bot updates in place (a card settled after a click): accepted, not a new post. */
  private void update(Context ctx) throws InterruptedException {
    pause();
    if (ACTIVITIES.matcher(ctx.path()).matches()) {
      ctx.contentType("application/json").result("{\"id\":\"" + ctx.path().substring(ctx.path().lastIndexOf('/') + 1)
          + "\"}");
    } else {
      ctx.status(404).contentType("application/json").result("{\"error\":{\"code\":\"NotFound\"}}");
    }
  }

  private void get(Context ctx) throws InterruptedException {
    pause();
    if (MEMBER.matcher(ctx.path()).matches()) {
      lookups.incrementAndGet();
      ctx.contentType("application/json").result(MEMBER_JSON);
    } else {
      ctx.status(404).contentType("application/json").result("{\"error\":{\"code\":\"NotFound\"}}");
    }
  }

  private void pause() throws InterruptedException {
    long d = delayMs;
    if (d > 0) {
      Thread.sleep(d);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
