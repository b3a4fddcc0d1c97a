package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectorPacerTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private final AtomicLong now = new AtomicLong(1_000_000 * MS);
  private final ConnectorPacer pacer = new ConnectorPacer(50, now::get);

  /** Advances the clock in 1 ms steps, granting what is due; returns grant times (ms from start). */
  private List<Long> run(List<CompletableFuture<Void>> tickets, long forMs) {
    long start = now.get();
    List<Long> at = new ArrayList<>();
    boolean[] seen = new boolean[tickets.size()];
    for (long t = 0; t <= forMs; t++) {
      pacer.grantDue();
      for (int i = 0; i < tickets.size(); i++) {
        if (!seen[i] && tickets.get(i).isDone()) {
          seen[i] = true;
          at.add((now.get() - start) / MS);
        }
      }
      now.addAndGet(MS);
    }
    return at;
  }

  @Test
  void neverGrantsMoreThanTheCeilingInAnySecond() {
    List<CompletableFuture<Void>> tickets = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      tickets.add(pacer.acquire("conversation-" + (i % 7)));
    }
    List<Long> at = run(tickets, 10_000);
    assertEquals(300, at.size(), "every call goes in the end");
    for (int i = 0; i + 50 < at.size(); i++) {
      assertTrue(at.get(i + 50) - at.get(i) >= 1000, "51 calls within one second at " + at.get(i));
    }
    // 50 per 1.075 s (the window's margin for network jitter): 300 calls in about 6.45 s.
    assertTrue(at.get(299) <= 6_700, "and near the ceiling, not slower: last call at " + at.get(299) + " ms");
  }

  @Test
  void aBusyConversationDoesNotDelayTheOthers() {
    List<CompletableFuture<Void>> busy = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      busy.add(pacer.acquire("busy"));
    }
    long busyBefore = busy.stream().filter(CompletableFuture::isDone).count();
    CompletableFuture<Void> other = pacer.acquire("quiet");
    CompletableFuture<Void> third = pacer.acquire("another");
    for (int ms = 0; ms < 100 && !(other.isDone() && third.isDone()); ms++) {
      pacer.grantDue();
      now.addAndGet(MS);
    }
    assertTrue(other.isDone() && third.isDone(), "the quiet conversations went within the first turns");
    long busyDuring = busy.stream().filter(CompletableFuture::isDone).count() - busyBefore;
    assertTrue(busyDuring <= 1, "the busy one had at most one turn before them, not its hundred calls: " + busyDuring);
  }

  @Test
  void callsOfOneConversationKeepTheirOrder() {
    List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      int index = i;
      pacer.acquire("a").thenRun(() -> order.add(index));
      pacer.acquire("b");
    }
    run(List.of(), 300);
    assertEquals(List.of(0, 1, 2, 3, 4), order);
  }

  @Test
  void aHeldConversationWaitsItsRetryAfterWhileOthersGoOn() {
    pacer.hold("throttled", 1000 * MS);
    CompletableFuture<Void> held = pacer.acquire("throttled");
    CompletableFuture<Void> free = pacer.acquire("free");
    run(List.of(), 999);
    assertTrue(free.isDone());
    assertFalse(held.isDone(), "not before its Retry-After");
    run(List.of(), 30);
    assertTrue(held.isDone(), "right after it");
  }

  @Test
  void aLateWakeUpIsCaughtUpButNeverBeyondTheWindow() {
    List<CompletableFuture<Void>> tickets = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tickets.add(pacer.acquire("c" + (i % 10)));
    }
    // The pump wakes every 35 ms instead of every 20 ms: two grants per wake-up keep the pace.
    long start = now.get();
    List<Long> at = new ArrayList<>();
    int seen = 0;
    for (int step = 0; step < 200; step++) {
      pacer.grantDue();
      while (seen < tickets.size() && tickets.get(seen).isDone()) {
        at.add((now.get() - start) / MS);
        seen++;
      }
      now.addAndGet(35 * MS);
    }
    assertEquals(200, at.size());
    assertTrue(at.get(199) <= 5000, "about 42 calls/s despite late wake-ups, last at " + at.get(199));
    for (int i = 0; i + 50 < at.size(); i++) {
      assertTrue(at.get(i + 50) - at.get(i) >= 1000, "51 calls within one second at " + at.get(i));
    }
  }

  @Test
  void underTheCeilingACallGoesAtOnce() {
    assertTrue(pacer.acquire("a").isDone(), "no wait, no hand-off to the pacer's thread");
  }

  @Test
  void aCancelledWaitDoesNotUseATurn() {
    pacer.acquire("x");
    pacer.acquire("y");
    CompletableFuture<Void> first = pacer.acquire("a");
    CompletableFuture<Void> cancelled = pacer.acquire("b");
    CompletableFuture<Void> third = pacer.acquire("c");
    assertFalse(first.isDone(), "the bucket is empty");
    cancelled.cancel(false);
    now.addAndGet(20 * MS);
    pacer.grantDue();
    assertTrue(first.isDone());
    assertFalse(third.isDone());
    now.addAndGet(20 * MS);
    pacer.grantDue();
    assertTrue(third.isDone(), "the next turn went to the next live call");
    assertEquals(0, pacer.waiting());
  }

  @Test
  void theThreadGrantsOnItsOwnOnTheRealClock() throws Exception {
    try (ConnectorPacer real = new ConnectorPacer(100, System::nanoTime).start()) {
      long t0 = System.nanoTime();
      List<CompletableFuture<Void>> tickets = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        tickets.add(real.acquire("c" + (i % 3)));
      }
      CompletableFuture.allOf(tickets.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(ms >= 170, "20 calls at 100/s take at least 180 ms (two at once, then one per 10 ms), took " + ms);
    }
  }
}
