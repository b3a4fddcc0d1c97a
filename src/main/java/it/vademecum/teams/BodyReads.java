package it.vademecum.teams;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the reading of request bodies that nobody has authenticated yet: at most
 * {@code permits} at once (the others are refused at once, without reading), and each within a
 * deadline, after which its connection is closed; a client sending a byte a second cannot hold a
 * request thread longer than that.
 */
final class BodyReads implements AutoCloseable {

  /** One read in progress: release it when the body is read (or the read failed). */
  final class Read implements AutoCloseable {
    private final ScheduledFuture<?> watchdog;
    private final AtomicBoolean expired;
    private final boolean counted;

    private Read(ScheduledFuture<?> watchdog, AtomicBoolean expired, boolean counted) {
      this.watchdog = watchdog;
      this.expired = expired;
      this.counted = counted;
    }

    /** Whether the deadline passed before the body was read. */
    boolean expired() {
      return expired.get();
    }

    @Override
    public void close() {
      if (counted) {
        watchdog.cancel(false);
        permits.release();
      }
    }
  }

  private final Semaphore permits;
  private final Duration deadline;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "body-read-deadline");
    t.setDaemon(true);
    return t;
  });

  BodyReads(int permits, Duration deadline) {
    this.permits = new Semaphore(permits);
    this.deadline = deadline;
  }

  /**
   * A read within the bounds, or null when as many are in progress already.
   *
   * @param abort cuts the request's connection, so that a blocked read fails
   */
  Read begin(Runnable abort) {
    if (!permits.tryAcquire()) {
      return null;
    }
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> watchdog = timer.schedule(() -> {
      expired.set(true);
      abort.run();
    }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    return new Read(watchdog, expired, true);
  }

  /** A read of a body that is already here in full: no slot, no deadline. */
  Read instant() {
    return new Read(null, new AtomicBoolean(), false);
  }

  Duration deadline() {
    return deadline;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
