package it.vademecum.teams;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Paces calls to the Teams connector under a ceiling (calls per second for the bot's tenant) with
 * a fair queue: each conversation is a lane, lanes take turns one call at a time, so a busy agent
 * (a step with six phrases) cannot hold the others back. No window of one second plus a margin
 * ever holds more grants than the ceiling (a sliding log of the last grants), so the connector,
 * after the jitter between a grant and the call's arrival, still sees at most the ceiling in any
 * second; within that, calls are spread at least half an interval apart, and a late wake-up of the
 * pump (a busy machine) is caught up rather than lost. A lane can be held (a 429's Retry-After):
 * its calls wait, the other lanes go on. Calls within a lane keep their order.
 *
 * <p>{@link #grantDue()} does the work and is driven by a pump thread ({@link #start()}) or, in
 * tests, directly with an injected clock.
 */
final class ConnectorPacer implements AutoCloseable {

  /** Margin added to the one-second window, for the jitter between a grant and its arrival. */
  static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(75);
  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1) + MARGIN_NANOS;

  private final long intervalNanos;
  /** The times of the last {@code ceiling} grants, oldest at {@code oldest}. */
  private final long[] recent;
  private int oldest;
  private long grants;
  private final LongSupplier clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Lane> lanes = new HashMap<>();
  /** Lanes with calls waiting and not held, in the order they get their next turn. */
  private final ArrayDeque<Lane> ready = new ArrayDeque<>();
  /** A token bucket of two: one call per interval, and one missed slot (a late wake-up) caught up. */
  private double tokens = BUCKET;
  private long refilledAt = Long.MIN_VALUE;
  private static final double BUCKET = 2;
  private Thread pump;
  private volatile boolean closed;

  private static final class Lane {
    final String key;
    final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    long heldUntil = Long.MIN_VALUE;
    boolean queued;

    Lane(String key) {
      this.key = key;
    }
  }

  /** A pacer of {@code perSecond} calls per second (greater than 0) on the given nanosecond clock. */
  public ConnectorPacer(double perSecond, LongSupplier nanoClock) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("ceiling must be positive");
    }
    this.intervalNanos = (long) Math.ceil(TimeUnit.SECONDS.toNanos(1) / perSecond);
    this.recent = new long[Math.max(1, (int) Math.floor(perSecond))];
    this.clock = nanoClock;
  }

  /** Starts the thread that grants calls as they become due; returns this. */
  public ConnectorPacer start() {
    pump = new Thread(this::pumpLoop, "connector-pacer");
    pump.setDaemon(true);
    pump.start();
    return this;
  }

  /** Queues one call of a conversation; the future completes when the call may go. */
  public CompletableFuture<Void> acquire(String laneKey) {
    CompletableFuture<Void> ticket = new CompletableFuture<>();
    List<CompletableFuture<Void>> granted = new ArrayList<>(1);
    lock.lock();
    try {
      long now = clock.getAsLong();
      Lane lane = lanes.computeIfAbsent(laneKey, Lane::new);
      lane.waiting.addLast(ticket);
      enqueue(lane, now);
      // Under the ceiling the call goes at once, on the caller's thread, without a hand-off.
      grantLocked(now, granted);
      if (!ticket.isDone() && !granted.contains(ticket)) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    granted.forEach(t -> t.complete(null));
    return ticket;
  }

  /** Holds a conversation's calls for {@code nanos} (a 429's Retry-After); others go on. */
  public void hold(String laneKey, long nanos) {
    lock.lock();
    try {
      Lane lane = lanes.computeIfAbsent(laneKey, Lane::new);
      lane.heldUntil = Math.max(lane.heldUntil, clock.getAsLong() + nanos);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Grants the calls due now: at most one per interval, lanes in turn, held lanes skipped.
   * Returns the clock time at which the next call could be granted, or {@link Long#MAX_VALUE}
   * when no call waits.
   */
  public long grantDue() {
    List<CompletableFuture<Void>> granted = new ArrayList<>();
    long next;
    lock.lock();
    try {
      long now = clock.getAsLong();
      next = grantLocked(now, granted);
    } finally {
      lock.unlock();
    }
    granted.forEach(t -> t.complete(null));
    return next;
  }

  private long grantLocked(long now, List<CompletableFuture<Void>> granted) {
    long soonestHeld = Long.MAX_VALUE;
    for (var it = lanes.values().iterator(); it.hasNext(); ) {
      Lane lane = it.next();
      dropCancelled(lane);
      if (lane.queued) {
        continue;
      }
      if (lane.waiting.isEmpty()) {
        if (lane.heldUntil <= now) {
          it.remove();
        }
      } else if (lane.heldUntil <= now) {
        enqueue(lane, now);
      } else {
        soonestHeld = Math.min(soonestHeld, lane.heldUntil);
      }
    }
    refill(now);
    while (!ready.isEmpty() && now >= nextFree()) {
      Lane lane = ready.pollFirst();
      lane.queued = false;
      if (lane.heldUntil > now) {
        soonestHeld = Math.min(soonestHeld, lane.heldUntil);
        continue;
      }
      CompletableFuture<Void> ticket = lane.waiting.pollFirst();
      if (ticket != null && !ticket.isDone()) {
        granted.add(ticket);
        tokens -= 1;
        recent[oldest] = now;
        oldest = (oldest + 1) % recent.length;
        grants++;
      }
      dropCancelled(lane);
      if (!lane.waiting.isEmpty()) {
        enqueue(lane, now);
      } else if (lane.heldUntil <= now) {
        lanes.remove(lane.key);
      }
    }
    if (!ready.isEmpty()) {
      return Math.min(nextFree(), soonestHeld);
    }
    return soonestHeld;
  }

  private void refill(long now) {
    if (refilledAt != Long.MIN_VALUE && now > refilledAt) {
      tokens = Math.min(BUCKET, tokens + (now - refilledAt) / (double) intervalNanos);
    }
    refilledAt = now;
  }

  /**
   * When the next grant may go: when the bucket holds a token, and not before the oldest of the
   * last {@code ceiling} grants leaves the window.
   */
  private long nextFree() {
    long bucket = tokens >= 1 ? refilledAt : refilledAt + (long) Math.ceil((1 - tokens) * intervalNanos);
    long windowed = grants < recent.length ? Long.MIN_VALUE : recent[oldest] + WINDOW_NANOS;
    return Math.max(bucket, windowed);
  }

  private void enqueue(Lane lane, long now) {
    dropCancelled(lane);
    if (!lane.queued && !lane.waiting.isEmpty() && lane.heldUntil <= now) {
      lane.queued = true;
      ready.addLast(lane);
    }
  }

  private static void dropCancelled(Lane lane) {
    while (!lane.waiting.isEmpty() && lane.waiting.peekFirst().isDone()) {
      lane.waiting.pollFirst();
    }
  }

  /** Calls waiting, all lanes together. */
  public int waiting() {
    lock.lock();
    try {
      return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
    } finally {
      lock.unlock();
    }
  }

  private void pumpLoop() {
    List<CompletableFuture<Void>> granted = new ArrayList<>();
    lock.lock();
    try {
      while (!closed) {
        long next = grantLocked(clock.getAsLong(), granted);
        if (!granted.isEmpty()) {
          lock.unlock();
          try {
            granted.forEach(t -> t.complete(null));
            granted.clear();
          } finally {
            lock.lock();
          }
          continue;
        }
        long wait = next == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : next - clock.getAsLong();
        if (wait > 0) {
          changed.awaitNanos(wait);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (pump != null) {
      pump.interrupt();
    }
  }
}
