package it.vademecum.bench;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The least a Teams Bot Connector does for the benchmark: a real HTTP server on loopback (Jetty,
 * whose connector sets TCP_NODELAY, see DESIGN.md's note on Nagle) that accepts the bot's replies,
 * answers the member lookup, and records when each reply was delivered, grouped by the activity it
 * answers (the SDK posts replies to {@code /v3/conversations/{id}/activities/{replyToId}}), and
 * the updates of messages it had accepted ({@code PUT …/activities/{id}}, a card settled in place).
 * Optionally it answers after a delay, like a real connector, and refuses a share of calls with
 * 429 and {@code Retry-After}.
 */
public final class MiniConnector implements AutoCloseable {

  /** One reply delivered: when (System.nanoTime), its JSON body, and the id the connector gave it. */
  public record Delivery(long nanos, String body, String id) {}

  /** The replies to one agent activity, and the updates it caused, as they arrive. */
  public static final class Inbox {
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Delivery> updates = new ArrayList<>();

    synchronized void add(Delivery d) {
      deliveries.add(d);
      notifyAll();
    }

    synchronized void addUpdate(Delivery d) {
      updates.add(d);
      notifyAll();
    }

    /** Waits until at least {@code count} updates arrived or the time is up; returns what arrived. */
    public synchronized List<Delivery> awaitUpdates(int count, long timeoutMs) throws InterruptedException {
      return awaitIn(updates, count, timeoutMs);
    }

    /** A copy of what arrived so far. */
    public synchronized List<Delivery> snapshot() {
      return List.copyOf(deliveries);
    }

    /** Waits until at least {@code count} replies arrived or the time is up; returns what arrived. */
    public synchronized List<Delivery> await(int count, long timeoutMs) throws InterruptedException {
      return awaitIn(deliveries, count, timeoutMs);
    }

    private List<Delivery> awaitIn(List<Delivery> list, int count, long timeoutMs) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
      while (list.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return List.copyOf(list);
    }
  }

  private final Javalin app;
  private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
  /** Inboxes by the id of the message whose update they wait for. */
  private final Map<String, Inbox> updated = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "mini-connector-timer");
    t.setDaemon(true);
    return t;
  });
  private final long latencyMs;
  private final double rate429;
  private final int retryAfterS;
  /** Arrival time of every call (nanoTime), for the outgoing rate the bot really had. */
  private final ConcurrentLongList arrivals = new ConcurrentLongList();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();

  public MiniConnector(long latencyMs, double rate429, int retryAfterS) {
    this.latencyMs = latencyMs;
    this.rate429 = rate429;
    this.retryAfterS = retryAfterS;
    app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.useVirtualThreads = false;
      QueuedThreadPool pool = new QueuedThreadPool(250, 8);
      pool.setName("mini-connector");
      cfg.jetty.threadPool = pool;
    });
    app.post("/v3/conversations/{conversation}/activities/{replyTo}", ctx -> answer(ctx, ctx.pathParam("replyTo")));
    app.post("/v3/conversations/{conversation}/activities", ctx -> answer(ctx, null));
    app.put("/v3/conversations/{conversation}/activities/{activity}", this::update);
    app.get("/v3/conversations/{conversation}/members/{member}", this::member);
  }

  /** Starts on a free loopback port; returns the service URL to put in activities. */
  public String start() {
    app.start("127.0.0.1", 0);
    return "http://127.0.0.1:" + app.port() + "/";
  }

  /** Registers an activity about to be posted, so its replies are kept. */
  public Inbox expect(String activityId) {
    Inbox inbox = new Inbox();
    inboxes.put(activityId, inbox);
    return inbox;
  }

  /** Registers that the message the connector knows by {@code messageId} should be updated into {@code inbox}. */
  public void expectUpdate(String messageId, Inbox inbox) {
    updated.put(messageId, inbox);
  }

  public void forget(String activityId) {
    inboxes.remove(activityId);
  }

  public void forgetUpdate(String messageId) {
    updated.remove(messageId);
  }

  /** Calls seen since {@code sinceNanos}, highest count in any 1-second window (calls/s). */
  public int maxCallsPerSecond(long sinceNanos, long untilNanos) {
    long[] a = java.util.Arrays.stream(arrivals.snapshot()).filter(t -> t >= sinceNanos && t <= untilNanos)
        .sorted().toArray();
    int max = 0;
    int lo = 0;
    for (int hi = 0; hi < a.length; hi++) {
      while (a[hi] - a[lo] >= 1_000_000_000L) {
        lo++;
      }
      max = Math.max(max, hi - lo + 1);
    }
    return max;
  }

  public long calls() {
    return arrivals.size();
  }

  public long refused() {
    return refused.get();
  }

  /** Replies to activities nobody expected (after a turn gave up waiting). */
  public long unexpected() {
    return unexpected.get();
  }

  private void answer(Context ctx, String replyTo) {
    arrivals.add(System.nanoTime());
    String body = ctx.body();
    boolean refuse = rate429 > 0 && ThreadLocalRandom.current().nextDouble() < rate429;
    respond(ctx, () -> {
      if (refuse) {
        refused.incrementAndGet();
        ctx.status(429).header("Retry-After", Integer.toString(retryAfterS))
            .contentType("application/json").result("{\"error\":{\"code\":\"TooManyRequests\"}}");
        return;
      }
      String id = "m-" + ids.incrementAndGet();
      Inbox inbox = replyTo == null ? null : inboxes.get(replyTo);
      if (inbox != null) {
        inbox.add(new Delivery(System.nanoTime(), body, id));
      } else {
        unexpected.incrementAndGet();
      }
      ctx.status(200).contentType("application/json").result("{\"id\":\"" + id + "\"}");
    });
  }

  private void update(Context ctx) {
    arrivals.add(System.nanoTime());
    String body = ctx.body();
    String id = ctx.pathParam("activity");
    respond(ctx, () -> {
      Inbox inbox = updated.get(id);
      if (inbox != null) {
        inbox.addUpdate(new Delivery(System.nanoTime(), body, id));
      } else {
        unexpected.incrementAndGet();
      }
      ctx.status(200).contentType("application/json").result("{\"id\":\"" + id + "\"}");
    });
  }

  private void member(Context ctx) {
    arrivals.add(System.nanoTime());
    respond(ctx, () -> ctx.contentType("application/json").result("{\"id\":\"" + ctx.pathParam("member")
        + "\",\"name\":\"Giulia Bianchi\",\"givenName\":\"Giulia\",\"surname\":\"Bianchi\","
        + "\"userPrincipalName\":\"giulia.bianchi@example.com\"}"));
  }

  /** Answers at once, or after the configured latency without holding a server thread. */
  private void respond(Context ctx, Runnable answer) {
    if (latencyMs <= 0) {
      answer.run();
      return;
    }
    CompletableFuture<Void> later = new CompletableFuture<>();
    timer.schedule(() -> later.complete(null), latencyMs, TimeUnit.MILLISECONDS);
    ctx.future(() -> later.thenRun(answer));
  }

  @Override
  public void close() {
    app.stop();
    timer.shutdownNow();
  }

  /** An append-only list of longs, safe for many writers. */
  static final class ConcurrentLongList {
    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    synchronized int size() {
      return size;
    }

    synchronized long[] snapshot() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
