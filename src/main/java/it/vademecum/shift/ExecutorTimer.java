package it.vademecum.shift;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Timer} on one daemon thread; close it at shutdown. */
public final class ExecutorTimer implements Timer, AutoCloseable {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "break-reminders");
    t.setDaemon(true);
    return t;
  });

  @Override
  public Scheduled schedule(Runnable task, Duration delay) {
    long ms = Math.max(0, delay.toMillis());
    ScheduledFuture<?> f = executor.schedule(task, ms, TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
