package it.vademecum.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineSessionStoreTest {

  private final AtomicLong nanos = new AtomicLong();
  private final CaffeineSessionStore store = new CaffeineSessionStore(Duration.ofHours(8), 100, nanos::get);
  private final Session inTopic = Session.EMPTY.cleared().withAgentName("Mario");

  private Session topic() {
    return Session.started("Mario", "pausa", "pausa-626", Session.EMPTY.facts(), java.util.Map.of());
  }

  @Test
  void keepsASessionWhileTheAgentIsActive() {
    store.put("a", topic());
    nanos.addAndGet(Duration.ofHours(7).toNanos());
    assertEquals("pausa", store.get("a").session().topicId());
    nanos.addAndGet(Duration.ofHours(7).toNanos());
    assertEquals("pausa", store.get("a").session().topicId());
  }

  @Test
  void anExpiredSessionStartsCleanAndSaysSoOnce() {
    store.put("a", topic());
    nanos.addAndGet(Duration.ofHours(9).toNanos());
    SessionStore.Lookup first = store.get("a");
    assertTrue(first.expired());
    assertFalse(first.session().inTopic());
    assertFalse(store.get("a").expired());
  }

  @Test
  void isBoundedInSize() {
    for (int i = 0; i < 1_000; i++) {
      store.put("agent-" + i, inTopic);
    }
    store.get("x");
    assertTrue(store.size() <= 100, "size " + store.size());
  }

  @Test
  void concurrentUpdatesOfOneAgentNeverStartFromTheSameSession() throws Exception {
    int threads = 8;
    int perThread = 200;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            store.update("a", current -> current.session().passed("q", current.session().path().size()));
          }
          return null;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    java.util.List<Session.Passage> path = store.get("a").session().path();
    assertEquals(threads * perThread, path.size());
    for (int i = 0; i < path.size(); i++) {
      assertEquals(i, path.get(i).choice());
    }
  }

  @Test
  void anUpdateAfterExpirySeesTheExpiry() {
    store.put("a", topic());
    nanos.addAndGet(Duration.ofHours(9).toNanos());
    boolean[] seen = new boolean[1];
    store.update("a", current -> {
      seen[0] = current.expired();
      return current.session();
    });
    assertTrue(seen[0]);
  }
}
