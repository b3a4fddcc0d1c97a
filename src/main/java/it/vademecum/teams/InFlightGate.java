package it.vademecum.teams;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests being answered, so that a graceful stop can wait for them to finish. */
final class InFlightGate {

  private final AtomicInteger inFlight = new AtomicInteger();

  /** A request starts; pair with {@link #leave()} in a finally block. */
  void enter() {
    inFlight.incrementAndGet();
  }

  void leave() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (inFlight) {
        inFlight.notifyAll();
      }
    }
  }

  /** Requests being answered now. */
  int count() {
    return inFlight.get();
  }

  /** Waits up to {@code bound} for no request to be in flight; whether none is. */
  boolean awaitEmpty(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    synchronized (inFlight) {
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        try {
          inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return inFlight.get() == 0;
    }
  }
}
