package it.vademecum.teams;

/**
 * Teams' limits are per app and tenant, not per process: behind a load balancer the instances
 * share the connector's ceiling, its 429 holds and the per-agent rate limit through this (Redis).
 * Each method may throw when the shared store is unreachable; callers then fall back to their own
 * process's limits.
 */
public interface SharedLimits {

  /**
   * Takes a slot for one connector call of {@code lane} under {@code ceiling} calls per second for
   * all instances together; returns 0 when taken, or the nanoseconds to wait before asking again.
   */
  long connectorWaitNanos(String lane, double ceiling);

  /** Holds the lane's calls on every instance for {@code nanos} (a 429's Retry-After). */
  void holdConnector(String lane, long nanos);

  /** One message of the agent under the per-agent policy, counted across instances. */
  RateLimiter.Decision agent(String agentKey, RateLimiter.Policy policy);
}
