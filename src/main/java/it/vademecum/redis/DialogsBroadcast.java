package it.vademecum.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import it.vademecum.supervisor.DialogsReloader;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dialogs reload on one instance (a file change or «ricarica») reaches the others: each new
 * version is published on a Redis channel, and an instance that hears a version other than its
 * own reloads its own dialogs folder, keeping its last good version when its copy is broken. Every
 * instance should be deployed with the same folder; one whose copy gives another version says so
 * in its log.
 */
public final class DialogsBroadcast implements AutoCloseable {

  static final String CHANNEL = "vademecum:dialogs";
  private static final Logger LOG = LoggerFactory.getLogger(DialogsBroadcast.class);

  private final String instance = UUID.randomUUID().toString();
  private final Redis redis;
  private final DialogsReloader dialogs;
  private final StatefulRedisPubSubConnection<String, String> subscription;
  private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "dialogs-broadcast");
    t.setDaemon(true);
    return t;
  });

  private DialogsBroadcast(Redis redis, DialogsReloader dialogs) {
    this.redis = redis;
    this.dialogs = dialogs;
    this.subscription = redis.client().connectPubSub();
  }

  /** Subscribes, and publishes every new version this instance loads from now on. */
  public static DialogsBroadcast start(Redis redis, DialogsReloader dialogs) {
    DialogsBroadcast b = new DialogsBroadcast(redis, dialogs);
    b.subscription.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        b.heard(message);
      }
    });
    b.subscription.sync().subscribe(CHANNEL);
    dialogs.onReload(r -> {
      if (r.ok() && !r.current().version().equals(r.previous().version())) {
        b.publish(r.current().version());
      }
    });
    return b;
  }

  private void publish(String version) {
    try {
      redis.commands().publish(CHANNEL, instance + " " + version);
    } catch (RuntimeException e) {
      LOG.warn("dialogs version {} not announced to the other instances: {}", version, e.toString());
    }
  }

  private void heard(String message) {
    String[] parts = message.split(" ", 2);
    if (parts.length != 2 || parts[0].equals(instance) || parts[1].equals(dialogs.current().version())) {
      return;
    }
    String announced = parts[1];
    reloads.execute(() -> {
      DialogsReloader.Result r = dialogs.reload();
      if (!r.current().version().equals(announced)) {
        LOG.warn("another instance loaded dialogs version {}; this one has {} (deploy the same dialogs folder"
            + " everywhere)", announced, r.current().version());
      }
    });
  }

  @Override
  public void close() {
    reloads.shutdownNow();
    subscription.close();
  }
}
