package it.vademecum.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import it.vademecum.teams.RateLimiter;
import it.vademecum.teams.SharedLimits;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limits every instance shares, in Redis, with Redis's own clock (TIME) so the instances'
 * clocks do not matter. The connector ceiling is a sliding log (a sorted set of the grants of the
 * last second plus a margin): no window of that length ever holds more grants than the ceiling,
 * whatever the instances do. A 429 sets a hold key for the conversation that expires with the
 * Retry-After. The per-agent limit is a token bucket in a hash, with the time the agent was last
 * told to slow down.
 */
public final class RedisLimits implements SharedLimits {

  static final String CONNECTOR = "vademecum:connector:grants";
  static final String HOLD = "vademecum:connector:hold:";
  static final String AGENT = "vademecum:rate:";
  /**
   * One second plus a margin for the jitter between a grant and the call's arrival at Teams, wider
   * than the in-process pacer's: between instances on a loaded machine a grant may wait longer for
   * its thread (measured: 75 ms let 51 calls in one second through at a ceiling of 50).
   */
  static final long WINDOW_MICROS = 1_200_000;

  /** KEYS: grants, lane hold. ARGV: window µs, ceiling, member. Returns 0 or µs to wait. */
  private static final String GRANT = """
      local held = redis.call('PTTL', KEYS[2])
      if held > 0 then return held * 1000 end
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local window = tonumber(ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
      if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
        redis.call('ZADD', KEYS[1], now, ARGV[3])
        redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
        return 0
      end
      local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
      return math.max(1, tonumber(oldest[2]) + window - now)
      """;

  /** KEYS: bucket. ARGV: burst, per second, tell every µs. Returns 0 allow, 1 refuse and tell, 2 refuse quietly. */
  private static final String AGENT_TOKEN = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local burst = tonumber(ARGV[1])
      local rate = tonumber(ARGV[2])
      local b = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'told')
      local tokens = tonumber(b[1]) or burst
      local at = tonumber(b[2]) or now
      tokens = math.min(burst, tokens + math.max(0, now - at) / 1000000 * rate)
      local answer
      if tokens >= 1 then
        tokens = tokens - 1
        answer = 0
      elseif b[3] == false or now - tonumber(b[3]) >= tonumber(ARGV[3]) then
        redis.call('HSET', KEYS[1], 'told', now)
        answer = 1
      else
        answer = 2
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
      redis.call('PEXPIRE', KEYS[1], 600000)
      return answer
      """;

  private final RedisCommands<String, String> redis;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong sequence = new AtomicLong();

  public RedisLimits(Redis redis) {
    this.redis = redis.commands();
  }

  @Override
  public long connectorWaitNanos(String lane, double ceiling) {
    Long micros = redis.eval(GRANT, ScriptOutputType.INTEGER, new String[] {CONNECTOR, HOLD + lane},
        Long.toString(WINDOW_MICROS), Long.toString((long) Math.floor(ceiling)),
        instance + ":" + sequence.incrementAndGet());
    return TimeUnit.MICROSECONDS.toNanos(micros == null ? 0 : micros);
  }

  @Override
  public void holdConnector(String lane, long nanos) {
    long ms = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
    redis.set(HOLD + lane, "1", io.lettuce.core.SetArgs.Builder.px(ms));
  }

  @Override
  public RateLimiter.Decision agent(String agentKey, RateLimiter.Policy policy) {
    Long d = redis.eval(AGENT_TOKEN, ScriptOutputType.INTEGER, new String[] {AGENT + agentKey},
        Integer.toString(policy.burst()), Double.toString(policy.perSecond()),
        Long.toString(TimeUnit.MILLISECONDS.toMicros(RateLimiter.TELL_EVERY.toMillis())));
    return switch (d == null ? 0 : d.intValue()) {
      case 1 -> RateLimiter.Decision.REFUSE_AND_TELL;
      case 2 -> RateLimiter.Decision.REFUSE_QUIETLY;
      default -> RateLimiter.Decision.ALLOW;
    };
  }
}
