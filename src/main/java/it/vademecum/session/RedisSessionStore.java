package it.vademecum.session;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import it.vademecum.redis.Redis;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sessions in Redis, shared by every instance behind the load balancer. Each session is a hash of
 * its JSON and a version; {@link #update} reads both, computes the next session and writes it with
 * a Lua compare-and-set on the version, starting again when another instance wrote in between. The
 * key expires after {@code SESSION_TTL} of inactivity (refreshed on every read and write); a marker
 * key living three times as long remembers that an agent in a topic timed out.
 */
public final class RedisSessionStore implements SessionStore {

  private static final String PREFIX = "vademecum:session:";
  private static final String EXPIRED_PREFIX = "vademecum:session-expired:";
  private static final int MAX_ATTEMPTS = 50;

  /** KEYS: session, marker. ARGV: expected version ('' for none, '*' for any), JSON, ttl ms, in topic, marker ttl ms. */
  private static final String WRITE = """
      local v = redis.call('HGET', KEYS[1], 'v')
      if ARGV[1] ~= '*' and (v or '') ~= ARGV[1] then return 0 end
      local nv = (tonumber(v) or 0) + 1
      redis.call('HSET', KEYS[1], 'v', nv, 's', ARGV[2])
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
      if ARGV[4] == '1' then redis.call('SET', KEYS[2], '1', 'PX', ARGV[5]) else redis.call('DEL', KEYS[2]) end
      return nv
      """;

  private final RedisCommands<String, String> redis;
  private final SessionJson json = new SessionJson();
  private final long ttlMillis;

  public RedisSessionStore(Redis redis, Duration ttl) {
    this.redis = redis.commands();
    this.ttlMillis = ttl.toMillis();
  }

  @Override
  public Lookup get(String agentKey) {
    return guarded(() -> read(agentKey));
  }

  private Lookup read(String agentKey) {
    List<String> hv = redis.hmget(PREFIX + agentKey, "s").stream().map(kv -> kv.getValueOrElse(null)).toList();
    String s = hv.get(0);
    if (s != null) {
      redis.pexpire(PREFIX + agentKey, ttlMillis);
      return new Lookup(json.read(s), false);
    }
    return new Lookup(Session.EMPTY, redis.getdel(EXPIRED_PREFIX + agentKey) != null);
  }

  @Override
  public void put(String agentKey, Session session) {
    guarded(() -> write(agentKey, "*", session));
  }

  @Override
  public Session update(String agentKey, Function<Lookup, Session> next) {
    return guarded(() -> compareAndSet(agentKey, next));
  }

  private Session compareAndSet(String agentKey, Function<Lookup, Session> next) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      List<String> hv = redis.hmget(PREFIX + agentKey, "v", "s").stream().map(kv -> kv.getValueOrElse(null)).toList();
      String version = hv.get(0);
      Lookup current = version == null || hv.get(1) == null
          ? new Lookup(Session.EMPTY, redis.exists(EXPIRED_PREFIX + agentKey) == 1)
          : new Lookup(json.read(hv.get(1)), false);
      Session written = next.apply(current);
      if (write(agentKey, version == null ? "" : version, written)) {
        return written;
      }
    }
    throw new IllegalStateException("session update kept losing the race");
  }

  private boolean write(String agentKey, String expectedVersion, Session session) {
    Long v = redis.eval(WRITE, ScriptOutputType.INTEGER, new String[] {PREFIX + agentKey, EXPIRED_PREFIX + agentKey},
        expectedVersion, json.write(session), Long.toString(ttlMillis), session.inTopic() ? "1" : "0",
        Long.toString(ttlMillis * 3));
    return v != null && v > 0;
  }

  @Override
  public void remove(String agentKey) {
    guarded(() -> redis.del(PREFIX + agentKey, EXPIRED_PREFIX + agentKey));
  }

  private static <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (RedisException e) {
      throw new SessionsUnavailableException("Redis unreachable: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Sessions in Redis now, counted with SCAN (for operators; not on a hot path). */
  @Override
  public long size() {
    long n = 0;
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(PREFIX + "*").limit(1000));
      n += page.getKeys().size();
      cursor = page;
    } while (!cursor.isFinished());
    return n;
  }
}
