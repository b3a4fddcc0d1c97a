package it.vademecum.escalation;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of base·2^(n-1), capped;
 * never less than the connector's Retry-After.
 */
public record Backoff(Duration base, Duration cap) {

  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
  }

  public Duration delay(int attempt, Duration retryAfter) {
    long baseMs = Math.max(1, base.toMillis());
    int shift = Math.max(0, Math.min(attempt - 1, 30));
    long exp = baseMs > (Long.MAX_VALUE >> shift) ? cap.toMillis() : Math.min(cap.toMillis(), baseMs << shift);
    long half = exp / 2;
    long jittered = half + ThreadLocalRandom.current().nextLong(exp - half + 1);
    long floor = retryAfter == null ? 0 : retryAfter.toMillis();
    return Duration.ofMillis(Math.max(jittered, floor));
  }
}
