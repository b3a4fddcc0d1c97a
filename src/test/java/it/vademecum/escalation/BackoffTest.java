package it.vademecum.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

  @Test
  void eachAttemptWaitsBetweenHalfAndAllOfTheDoubledDelayCappedAndJittered() {
    for (int attempt = 1; attempt <= 40; attempt++) {
      long full = Math.min(300_000, 2_000L << Math.min(attempt - 1, 30));
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        long ms = backoff.delay(attempt, Duration.ZERO).toMillis();
        assertTrue(ms >= full / 2 && ms <= full, "attempt " + attempt + ": " + ms + " ms, expected ≤ " + full);
        seen.add(ms);
      }
      assertTrue(seen.size() > 1, "jittered at attempt " + attempt);
    }
  }

  @Test
  void neverWaitsLessThanRetryAfter() {
    assertEquals(120_000, backoff.delay(1, Duration.ofMinutes(2)).toMillis());
    assertTrue(backoff.delay(9, Duration.ofSeconds(1)).toMillis() >= 150_000);
  }
}
