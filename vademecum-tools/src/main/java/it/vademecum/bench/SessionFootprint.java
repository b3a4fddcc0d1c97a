package it.vademecum.bench;

import it.vademecum.engine.Action;
import it.vademecum.engine.Engine;
import it.vademecum.engine.Input;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Turn;
import it.vademecum.engine.TurnContext;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.session.Session;
import it.vademecum.session.SessionStore;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Heap kept per idle agent session: sessions left mid-conversation by real engine turns (a typed
 * question, then one or two clicks), stored in the production SessionStore under Teams-shaped
 * keys (tenant id / AAD object id), measured as used heap after a full GC, before and after.
 */
final class SessionFootprint {

  private static final String TENANT = "00000000-0000-0000-0000-0000000000001";

  private SessionFootprint() {}

  /** Bytes of heap per session, averaged over {@code count} sessions. */
  static long bytesPerSession(Engine engine, List<String> sentences, int count) {
    // A first pass on a throwaway store warms whatever the engine caches, so only sessions count.
    fill(new CaffeineSessionStore(Duration.ofHours(8), count * 2L), engine, sentences, count);
    long before = usedAfterGc();
    SessionStore store = new CaffeineSessionStore(Duration.ofHours(8), count * 2L);
    fill(store, engine, sentences, count);
    long after = usedAfterGc();
    if (store.size() < count * 9L / 10) {
      throw new IllegalStateException("sessions were evicted: " + store.size());
    }
    Reference.reachabilityFence(store);
    return Math.max(0, (after - before) / count);
  }

  private static void fill(SessionStore store, Engine engine, List<String> sentences, int count) {
    Random random = new Random(7);
    Instant now = Instant.parse("2026-12-01T09:15:00Z");
    for (int i = 0; i < count; i++) {
      String key = TENANT + "/" + new UUID(random.nextLong(), random.nextLong());
      Session s = store.get(key).session();
      Input input = Input.text(sentences.get(random.nextInt(sentences.size())));
      for (int clicks = 0; clicks < 3; clicks++) {
        Turn t = engine.handle(s, input, new TurnContext(now, "Giulia", false));
        s = t.session();
        Reply r = t.reply();
        List<Option> next = r.options().stream()
            .filter(o -> o.action() instanceof Action.Choose || o.action() instanceof Action.StartTopic)
            .toList();
        if (next.isEmpty() || clicks == 2) {
          break;
        }
        input = Input.button(next.get(random.nextInt(next.size())).value());
      }
      store.put(key, s);
    }
  }

  private static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
