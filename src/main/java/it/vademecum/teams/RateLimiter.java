package it.vademecum.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.vademecum.config.TypedSettings;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per agent: {@code burst} messages at once, then {@code perSecond} a second. An
 * agent over the limit is told at most once every {@link #TELL_EVERY}; the rest is dropped
 * quietly, so one agent flooding costs the others neither engine time nor connector calls.
 */
public final class RateLimiter {

  /** What the agent reads when refused. */
  public static final String SLOW_DOWN = "Stai scrivendo troppo in fretta: aspetta qualche secondo prima di "
      + "scrivere di nuovo. I messaggi inviati nel frattempo non li ho letti.";

  /** How often an agent over the limit is told so. */
  public static final Duration TELL_EVERY = Duration.ofSeconds(30);

  /** What to do with one message. */
  public enum Decision { ALLOW, REFUSE_AND_TELL, REFUSE_QUIETLY }

  /**
   * The limit: {@code burst} messages back to back, refilled at {@code perSecond}; a rate of 0
   * turns the limit off.
   */
  public record Policy(int burst, double perSecond) {

    public static final Policy OFF = new Policy(1, 0);

    public Policy {
      if (burst < 1 || perSecond < 0) {
        throw new IllegalArgumentException("RATE_LIMIT_BURST must be at least 1 and RATE_LIMIT_PER_SECOND at least 0");
      }
    }

    public boolean off() {
      return perSecond == 0;
    }

    /** RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND, as parsed at start-up. */
    public static Policy from(TypedSettings.RateLimits limits) {
      return new Policy(limits.burst(), limits.perSecond());
    }
  }

  private static final class Bucket {
    double tokens;
    long refilledAt;
    long toldAt;
    boolean told;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final Policy policy;
  private final LongSupplier nanoTime;
  private final SharedLimits shared;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  public RateLimiter(Policy policy) {
    this(policy, System::nanoTime);
  }

  /** With a clock of nanoseconds, for tests. */
  public RateLimiter(Policy policy, LongSupplier nanoTime) {
    this(policy, nanoTime, null);
  }

  /** Counted across instances through {@code shared}; this process's buckets when it does not answer. */
  public RateLimiter(Policy policy, SharedLimits shared) {
    this(policy, System::nanoTime, shared);
  }

  private RateLimiter(Policy policy, LongSupplier nanoTime, SharedLimits shared) {
    this.policy = policy;
    this.nanoTime = nanoTime;
    this.shared = shared;
  }

  public Policy policy() {
    return policy;
  }

  /** Takes one token for the agent's message, or says how to refuse it. */
  public Decision acquire(String agentKey) {
    if (policy.off()) {
      return Decision.ALLOW;
    }
    if (shared != null) {
      try {
        return shared.agent(agentKey, policy);
      } catch (RuntimeException e) {
        // Redis lost for now: this process's own buckets hold the line meanwhile.
      }
    }
    long now = nanoTime.getAsLong();
    Bucket b = buckets.get(agentKey, k -> new Bucket(policy.burst(), now));
    synchronized (b) {
      double elapsed = Math.max(0, now - b.refilledAt) / 1e9;
      b.tokens = Math.min(policy.burst(), b.tokens + elapsed * policy.perSecond());
      b.refilledAt = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return Decision.ALLOW;
      }
      if (!b.told || now - b.toldAt >= TELL_EVERY.toNanos()) {
        b.told = true;
        b.toldAt = now;
        return Decision.REFUSE_AND_TELL;
      }
      return Decision.REFUSE_QUIETLY;
    }
  }
}
