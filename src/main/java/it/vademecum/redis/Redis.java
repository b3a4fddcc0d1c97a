package it.vademecum.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/**
 * One Redis server shared by every part of an instance that keeps state across instances
 * (sessions, budgets, reload signals): one thread-safe multiplexed Lettuce connection, which
 * reconnects by itself after an outage. Commands time out after two seconds, so a lost Redis
 * fails a turn quickly instead of holding it.
 */
public final class Redis implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String display;

  private Redis(RedisClient client, StatefulRedisConnection<String, String> connection, String display) {
    this.client = client;
    this.connection = connection;
    this.display = display;
  }

  /**
   * Connects to {@code redis://[user:password@]host:port[/db]} or {@code rediss://…}; an
   * {@link IllegalStateException} naming the server (without credentials) when it does not answer.
   */
  public static Redis connect(String url) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(TIMEOUT);
    RedisClient client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
        .build());
    String display = (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/"
        + uri.getDatabase();
    try {
      return new Redis(client, client.connect(), display);
    } catch (RuntimeException e) {
      client.shutdown();
      throw new IllegalStateException("Redis on " + display + " does not answer (" + e.getClass().getSimpleName()
          + "): start it first, or leave REDIS_URL empty to run one instance", e);
    }
  }

  /** The synchronous commands on the shared connection (thread-safe). */
  public RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /** A second client on the same server, for subscriptions (a subscribed connection runs no commands). */
  public RedisClient client() {
    return client;
  }

  /** True when the server answers a PING now. */
  public boolean reachable() {
    try {
      return "PONG".equals(commands().ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The address without credentials, for the start-up line. */
  public String display() {
    return display;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
