package it.vademecum.teams;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a slot under the connector ceiling of all instances together ({@link SharedLimits}).
 * When the shared store does not answer, the call goes: this process's own pacing is what holds
 * for the outage.
 */
final class SharedCeiling {

  private static final Logger LOG = LoggerFactory.getLogger(SharedCeiling.class);

  private SharedCeiling() {}

  static void await(SharedLimits shared, String lane, double ceiling, long deadline, LongSupplier clock)
      throws IOException {
    while (true) {
      long wait;
      try {
        wait = shared.connectorWaitNanos(lane, ceiling);
      } catch (RuntimeException e) {
        LOG.warn("shared connector ceiling unreachable, this instance's own ceiling applies: {}", e.toString());
        return;
      }
      if (wait <= 0) {
        return;
      }
      if (clock.getAsLong() + wait > deadline) {
        throw new InterruptedIOException("connector call waited too long for its turn");
      }
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted waiting for the connector");
      }
    }
  }

  /** An interceptor that only waits for the shared slot (for a client that handles 429s itself). */
  static Interceptor interceptor(SharedLimits shared, double ceiling, long maxWaitNanos) {
    return chain -> {
      await(shared, PacingInterceptor.lane(chain.request().url()), ceiling, System.nanoTime() + maxWaitNanos,
          System::nanoTime);
      return chain.proceed(chain.request());
    };
  }
}
