package it.vademecum.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.privacy.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncUsageLogTest {

  @TempDir
  Path data;

  private H2UsageLog store() {
    return H2UsageLog.open(data, Redactor.defaults(), Clock.systemUTC(),
        true);
  }

  @Test
  void queriesSeeEveryRecordQueuedBeforeThem() {
    try (AsyncUsageLog log = new AsyncUsageLog(store(), 1_000)) {
      for (int i = 0; i < 200; i++) {
        log.recordSearch("agent-" + i, "frase numero " + i, Search.none());
      }
      assertEquals(200, log.searchOutcomes(Instant.EPOCH).searches());
    }
  }

  @Test
  void aFlushWaitsForTheBatchToCommitNotOnlyToRun() {
    java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
    UsageLog slowCommit = new Counting() {
      @Override
      public void recordSearch(String agentId, String text, Search search) {
        pending.incrementAndGet();
      }

      @Override
      public void batch(Runnable records) {
        records.run();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        committed.addAndGet(pending.getAndSet(0));
      }

      @Override
      public SearchOutcomes searchOutcomes(Instant since, Instant to) {
        return new SearchOutcomes(committed.get(), 0, 0);
      }
    };
    try (AsyncUsageLog log = new AsyncUsageLog(slowCommit, 1_000)) {
      for (int i = 0; i < 20; i++) {
        log.recordSearch("agent", "x", Search.none());
      }
      assertEquals(20, log.searchOutcomes(Instant.EPOCH).searches());
    }
  }

  @Test
  void closeDrainsTheQueueIntoTheStore() {
    try (AsyncUsageLog log = new AsyncUsageLog(store(), 1_000)) {
      for (int i = 0; i < 100; i++) {
        log.recordAnswer("agent", "pausa", "pausa-626");
      }
    }
    try (H2UsageLog reopened = store()) {
      assertEquals(100, reopened.answersByTopic(Instant.EPOCH, 10).get(0).count());
    }
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlockingTheTurn() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    UsageLog slow = new Counting() {
      @Override
      public void recordSearch(String agentId, String text, Search search) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

    };
    AsyncUsageLog log = new AsyncUsageLog(slow, 10);
    log.recordSearch("agent", "x", Search.none());
    assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS), "the writer never reached the store");
    for (int i = 0; i < 50; i++) {
      log.recordSearch("agent", "x", Search.none());
    }
    assertEquals(40, log.dropped(), "10 wait in the queue while the writer is busy, the rest are dropped");
    release.countDown();
    log.close();
  }

  /** A store that keeps nothing, for fakes that override what they need. */
  private abstract static class Counting implements UsageLog {
    @Override public void recordSearch(String a, String t, Search r) { }
    @Override public void recordPick(String a, String t, String x) { }
    @Override public void recordAnswer(String a, String t, String n) { }
    @Override public void recordSuggestion(String a, String t, String x) { }
    @Override public java.util.List<Suggestion> openSuggestions(int p) { return java.util.List.of(); }
    @Override public java.util.Optional<Suggestion> suggestion(long id) { return java.util.Optional.empty(); }
    @Override public boolean decideSuggestion(long id, boolean a, String by) { return false; }
    @Override public void recordFeedback(String a, String t, String n, boolean up, String r) { }
    @Override public java.util.List<UnmatchedSentence> unmatched(Instant s, Instant e, int l) { return java.util.List.of(); }
    @Override public java.util.List<PickCount> picks(Instant s, int l) { return java.util.List.of(); }
    @Override public java.util.List<TopicCount> topicsStarted(Instant s, Instant e, int l) { return java.util.List.of(); }
    @Override public java.util.List<TopicCount> answersByTopic(Instant s, int l) { return java.util.List.of(); }
    @Override public SearchOutcomes searchOutcomes(Instant s, Instant e) { return new SearchOutcomes(0, 0, 0); }
    @Override public java.util.List<FeedbackCount> feedback(Instant s, Instant e) { return java.util.List.of(); }
    @Override public java.util.List<FeedbackReason> feedbackReasons(Instant s, Instant e, int l) { return java.util.List.of(); }
    @Override public java.util.List<HourCount> busiestHours(Instant s, Instant e) { return java.util.List.of(); }
    @Override public int purge(Instant cutoff) { return 0; }
    @Override public void close() { }
  }
}
