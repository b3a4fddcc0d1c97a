package it.vademecum.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retention job of the server (RETENTION_DAYS): once at start and then every hour, each
 * store deletes what is older than the retention period, on one thread for all of them. A store
 * that fails is logged and retried at the next run; the others still run. Several instances sharing
 * one PostgreSQL database may all run it: each purge is one idempotent statement per table.
 */
public final class RetentionJob implements AutoCloseable {

  /** A store's share of the job: deletes what is older than {@code cutoff}, returns how many rows went. */
  @FunctionalInterface
  public interface Purge {
    int olderThan(Instant cutoff);
  }

  /** A store by the name the log gives it. */
  public record Part(String name, Purge purge) {}

  static final Duration EVERY = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final Duration retention;
  private final Clock clock;
  private final List<Part> parts;
  private final ScheduledExecutorService thread;

  RetentionJob(Duration retention, Clock clock, List<Part> parts) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive");
    }
    this.retention = retention;
    this.clock = clock;
    this.parts = List.copyOf(parts);
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "retention");
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs the job now, on its own thread, and then every hour until {@link #close}. */
  public static RetentionJob start(Duration retention, Clock clock, List<Part> parts) {
    RetentionJob job = new RetentionJob(retention, clock, parts);
    job.thread.scheduleWithFixedDelay(job::runOnce, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return job;
  }

  /** One run over every store; returns the rows deleted in all. */
  int runOnce() {
    Instant cutoff = clock.instant().minus(retention);
    int total = 0;
    for (Part part : parts) {
      try {
        int n = part.purge().olderThan(cutoff);
        if (n > 0) {
          LOG.info("Retention: {} rows of {} older than {} days deleted", n, part.name(), retention.toDays());
        }
        total += n;
      } catch (RuntimeException e) {
        // The exception's class only: a driver's message may carry values.
        LOG.warn("Retention: purging {} failed ({}), retried in {}", part.name(), e.getClass().getSimpleName(),
            EVERY);
      }
    }
    return total;
  }

  /**
   * Stops the hourly runs. A purge under way is let finish (up to 5 s) rather than interrupted, so
   * that closing right after the start (a chat ended at once) leaves no half-done purge and no
   * failure in the log.
   */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
        LOG.warn("Retention: the thread did not stop in 5 s");
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
