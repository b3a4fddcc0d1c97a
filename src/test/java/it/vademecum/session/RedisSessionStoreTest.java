package it.vademecum.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.RealServices;
import it.vademecum.dialog.Condition.Facts;
import it.vademecum.hours.Bounds;
import it.vademecum.redis.Redis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real Redis server; two connections stand for two instances. */
class RedisSessionStoreTest {

  private Redis one;
  private Redis two;
  private final String agent = "agent-" + UUID.randomUUID();

  @BeforeEach
  void connect() {
    String url = RealServices.redisUrl();
    one = Redis.connect(url);
    two = Redis.connect(url);
  }

  @AfterEach
  void close() {
    if (one == null) {
      return; // skipped: no Redis given (TEST_REDIS_URL)
    }
    one.close();
    two.close();
  }

  private static Session inTopic() {
    // Working hours with no upper bound: the infinite limit survives the round trip too.
    Facts facts = new Facts(Optional.of(600.0), Optional.of(Bounds.above(72)), Optional.of(new Bounds(84, 93)),
        Optional.of("mario@pec.it"), Optional.empty());
    return Session.started("Mario", "pagamento-non-registrato", "q1", facts, Map.of("pagamento-non-registrato/q1", 2))
        .passed("q0", 1).withValues(Map.of("nome", "Rossi")).withDraft(new Session.EscalationDraft("T-1", "nota"));
  }

  @Test
  void aSessionWrittenByOneInstanceIsReadByTheOtherUnchanged() {
    Session s = inTopic();
    new RedisSessionStore(one, Duration.ofHours(8)).put(agent, s);
    SessionStore.Lookup read = new RedisSessionStore(two, Duration.ofHours(8)).get(agent);
    assertEquals(s, read.session());
    assertFalse(read.expired());
  }

  @Test
  void theKeyExpiresAfterTheSessionTtl() {
    new RedisSessionStore(one, Duration.ofMinutes(30)).put(agent, inTopic());
    long ttl = one.commands().pttl("vademecum:session:" + agent);
    assertTrue(ttl > Duration.ofMinutes(29).toMillis() && ttl <= Duration.ofMinutes(30).toMillis(), "ttl " + ttl);
  }

  @Test
  void anAgentWhoseSessionExpiredInATopicIsToldOnce() {
    RedisSessionStore store = new RedisSessionStore(one, Duration.ofHours(8));
    store.put(agent, inTopic());
    one.commands().del("vademecum:session:" + agent); // what Redis does when the key expires
    SessionStore.Lookup first = store.get(agent);
    assertTrue(first.expired());
    assertFalse(first.session().inTopic());
    assertFalse(store.get(agent).expired());
  }

  @Test
  void concurrentUpdatesOnTwoInstancesNeverStartFromTheSameSession() throws Exception {
    List<RedisSessionStore> stores = List.of(new RedisSessionStore(one, Duration.ofHours(8)),
        new RedisSessionStore(two, Duration.ofHours(8)));
    int perThread = 50;
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        RedisSessionStore store = stores.get(t % 2);
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            store.update(agent, current -> current.session().passed("q", current.session().path().size()));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Session.Passage> path = stores.get(0).get(agent).session().path();
    assertEquals(threads * perThread, path.size());
    for (int i = 0; i < path.size(); i++) {
      assertEquals(i, path.get(i).choice(), "update " + i + " started from a stale session");
    }
  }
}
