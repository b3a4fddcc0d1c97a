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
}
