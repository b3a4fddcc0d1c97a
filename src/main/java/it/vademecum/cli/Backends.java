package it.vademecum.cli;

import it.vademecum.config.DatabaseUrl;
import it.vademecum.config.TypedSettings;
import it.vademecum.redis.DialogsBroadcast;
import it.vademecum.redis.Redis;
import it.vademecum.redis.RedisLimits;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.session.RedisSessionStore;
import it.vademecum.session.SessionStore;
import it.vademecum.store.Database;
import it.vademecum.supervisor.DialogsReloader;
import it.vademecum.teams.SharedLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engines an instance of {@code serve} shares with the others, from the settings: Redis when
 * {@code REDIS_URL} is set (sessions, shared budgets, dialogs announcements; else sessions in
 * memory), and a health probe of the PostgreSQL of {@code DATABASE_URL} (the stores open their own).
 */
final class Backends implements AutoCloseable {

  private final Optional<Redis> redis;
  private final Optional<DatabaseUrl> database;
  private final SessionStore sessions;
  private final SharedLimits limits;
  private Optional<DialogsBroadcast> broadcast = Optional.empty();
  private final Optional<Database> health;

  private Backends(Optional<Redis> redis, Optional<DatabaseUrl> database, SessionStore sessions) {
    this.redis = redis;
    this.limits = redis.map(RedisLimits::new).orElse(null);
    this.database = database;
    this.sessions = sessions;
    this.health = database.map(d -> Database.postgres(d, "health"));
  }

  static Backends open(TypedSettings settings) {
    Duration ttl = settings.server().sessionTtl();
    Optional<Redis> redis = settings.shared().redisUrl().map(Redis::connect);
    SessionStore sessions = redis.<SessionStore>map(r -> new RedisSessionStore(r, ttl))
        .orElseGet(() -> new CaffeineSessionStore(ttl, 100_000));
    return new Backends(redis, settings.shared().databaseUrl(), sessions);
  }

  SessionStore sessions() {
    return sessions;
  }

  /** The connector ceiling, 429 holds and per-agent limits shared in Redis; null without Redis. */
  SharedLimits sharedLimits() {
    return limits;
  }

  /** With Redis, announces this instance's dialogs reloads to the others and follows theirs. */
  void shareDialogs(DialogsReloader dialogs) {
    broadcast = redis.map(r -> DialogsBroadcast.start(r, dialogs));
  }

  /** For /healthz: each shared engine, "ok" or "unreachable"; empty with the embedded defaults. */
  Map<String, String> health() {
    Map<String, String> parts = new LinkedHashMap<>();
    redis.ifPresent(r -> parts.put("redis", r.reachable() ? "ok" : "unreachable"));
    health.ifPresent(d -> parts.put("postgresql", d.reachable() ? "ok" : "unreachable"));
    return parts;
  }

  /** Two lines for the start-up output: where the sessions live, where the stores live. */
  String describe() {
    String sessionsLine = redis.map(r -> "Sessions, connector ceiling, rate limits: Redis " + r.display()
        + " (shared by every instance).")
        .orElse("Sessions: memory (this process only; set REDIS_URL to run two or more instances).");
    String storesLine = database.map(d -> "Outbox, statistics, break reminders: PostgreSQL " + d.display() + ".")
        .orElse("Outbox, statistics, break reminders: H2 files in DATA_DIR (one process; set DATABASE_URL to share).");
    return sessionsLine + System.lineSeparator() + storesLine;
  }

  @Override
  public void close() {
    broadcast.ifPresent(DialogsBroadcast::close);
    health.ifPresent(Database::close);
    redis.ifPresent(Redis::close);
  }
}
