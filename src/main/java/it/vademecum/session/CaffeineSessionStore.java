package it.vademecum.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Function;

/**
 * Sessions in a bounded Caffeine cache expiring after inactivity. An expired agent is remembered
 * (as a bare marker, much longer and also bounded) so the next turn can say the session timed out.
 */
public final class CaffeineSessionStore implements SessionStore {

  private final Cache<String, Session> live;
  private final Cache<String, Boolean> expired;

  public CaffeineSessionStore(Duration ttl, long maxSessions) {
    this(ttl, maxSessions, Ticker.systemTicker());
  }

  public CaffeineSessionStore(Duration ttl, long maxSessions, Ticker ticker) {
    this.expired = Caffeine.newBuilder()
        .expireAfterWrite(ttl.multipliedBy(3))
        .maximumSize(maxSessions)
        .ticker(ticker)
        .build();
    this.live = Caffeine.newBuilder()
        .expireAfterAccess(ttl)
        .maximumSize(maxSessions)
        .ticker(ticker)
        .executor(Runnable::run)
        .removalListener((String key, Session s, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
          if (key != null && cause == com.github.benmanes.caffeine.cache.RemovalCause.EXPIRED && s != null && s.inTopic()) {
            expired.put(key, Boolean.TRUE);
          }
        })
        .build();
  }

  @Override
  public Lookup get(String agentKey) {
    Session s = live.getIfPresent(agentKey);
    if (s != null) {
      return new Lookup(s, false);
    }
    expireNow();
    boolean wasExpired = expired.asMap().remove(agentKey) != null;
    return new Lookup(Session.EMPTY, wasExpired);
  }

  @Override
  public void put(String agentKey, Session session) {
    expired.invalidate(agentKey);
    live.put(agentKey, session);
  }

  @Override
  public Session update(String agentKey, Function<Lookup, Session> next) {
    if (live.getIfPresent(agentKey) == null) {
      expireNow();
    }
    return live.asMap().compute(agentKey, (key, current) -> {
      boolean wasExpired = current == null && expired.asMap().remove(key) != null;
      Session written = next.apply(new Lookup(current == null ? Session.EMPTY : current, wasExpired));
      expired.invalidate(key);
      return written;
    });
  }

  /**
   * Removes what has expired, so that the removal listener has marked an agent whose session was
   * just found missing. Only on a miss: a whole clean-up on every turn was 5 % of a turn's time.
   */
  private void expireNow() {
    live.cleanUp();
  }

  @Override
  public void remove(String agentKey) {
    live.invalidate(agentKey);
  }

  @Override
  public long size() {
    return live.estimatedSize();
  }
}
