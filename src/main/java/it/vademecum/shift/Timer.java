package it.vademecum.shift;

import java.time.Duration;

/** Runs a task after a delay; tests drive a manual one. */
interface Timer {

  /** Schedules {@code task} after {@code delay} (now when zero or negative); the handle cancels it. */
  Scheduled schedule(Runnable task, Duration delay);

  interface Scheduled {
    void cancel();
  }
}
