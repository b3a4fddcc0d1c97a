package it.vademecum.cli;

import it.vademecum.config.Settings;
import it.vademecum.redis.Redis;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.session.RedisSessionStore;
import it.vademecum.session.SessionStore;
import java.util.Optional;

/**
 * The shared engines an instance of {@code serve} uses, from the settings: Redis when
 * {@code REDIS_URL} is set (sessions, shared budgets), nothing otherwise (memory, one instance).
 */
final class Backends implements AutoCloseable {

  private final Optional<Redis> redis;
  private final SessionStore sessions;

  private Backends(Optional<Redis> redis, SessionStore sessions) {
    this.redis = redis;
    this.sessions = sessions;
  }

  static Backends open(Settings settings) {
    Optional<Redis> redis = settings.redisUrl().map(Redis::connect);
    SessionStore sessions = redis.<SessionStore>map(r -> new RedisSessionStore(r, settings.sessionTtl()))
        .orElseGet(() -> new CaffeineSessionStore(settings.sessionTtl(), 100_000));
    return new Backends(redis, sessions);
  }

  SessionStore sessions() {
    return sessions;
  }

  Optional<Redis> redis() {
    return redis;
  }

  /** One line for the start-up output: where the sessions live. */
  String describe() {
    return redis.map(r -> "Sessions: Redis " + r.display() + " (shared by every instance).")
        .orElse("Sessions: memory (this process only; set REDIS_URL to run two or more instances).");
  }

  @Override
  public void close() {
    redis.ifPresent(Redis::close);
  }
}
