package it.vademecum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.assistant.Agent;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.testing.MutableClock;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.Search;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionJobTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  final MutableClock clock = new MutableClock(NOW);

  @TempDir
  Path dir;

  @Test
  void everyStoreIsPurgedOfWhatIsOlderThanTheRetentionPeriod() {
    List<Instant> usage = new CopyOnWriteArrayList<>();
    List<Instant> escalations = new CopyOnWriteArrayList<>();
    RetentionJob job = new RetentionJob(Duration.ofDays(90), clock, List.of(
        new RetentionJob.Part("usage", cutoff -> { usage.add(cutoff); return 3; }),
        new RetentionJob.Part("escalations", cutoff -> { escalations.add(cutoff); return 2; })));

    assertEquals(5, job.runOnce());
    clock.advance(Duration.ofHours(1));
    job.runOnce();

    Instant first = NOW.minus(Duration.ofDays(90));
    assertEquals(List.of(first, first.plus(Duration.ofHours(1))), usage);
    assertEquals(usage, escalations);
  }

  @Test
  void aStoreThatFailsDoesNotKeepTheOthersFromBeingPurged() {
    List<Instant> after = new CopyOnWriteArrayList<>();
    RetentionJob job = new RetentionJob(Duration.ofDays(30), clock, List.of(
        new RetentionJob.Part("usage", cutoff -> { throw new IllegalStateException("database away"); }),
        new RetentionJob.Part("escalations", cutoff -> { after.add(cutoff); return 1; })));

    assertEquals(1, job.runOnce());
    assertEquals(List.of(NOW.minus(Duration.ofDays(30))), after);
  }

  @Test
  void startRunsTheJobAtOnceOnItsOwnThread() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    try (RetentionJob job = RetentionJob.start(Duration.ofDays(90), clock, List.of(
        new RetentionJob.Part("usage", cutoff -> {
          threads.add(Thread.currentThread().getName());
          ran.countDown();
          return 0;
        })))) {
      assertTrue(ran.await(10, TimeUnit.SECONDS), "ran at start, without waiting an hour");
    }
    assertEquals(List.of("retention"), threads);
  }

  @Test
  void closingDuringAPurgeLetsItFinishUninterrupted() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> outcome = new CopyOnWriteArrayList<>();
    RetentionJob job = RetentionJob.start(Duration.ofDays(90), clock, List.of(
        new RetentionJob.Part("usage", cutoff -> {
          started.countDown();
          try {
            release.await();
            outcome.add(Thread.currentThread().isInterrupted() ? "interrupted" : "finished");
          } catch (InterruptedException e) {
            outcome.add("interrupted");
          }
          return 0;
        })));
    assertTrue(started.await(10, TimeUnit.SECONDS));
    Thread closer = new Thread(job::close);
    closer.start();
    // close() must be waiting for the purge, not cutting it short: release it only then.
    while (closer.getState() != Thread.State.TIMED_WAITING && closer.isAlive()) {
      Thread.onSpinWait();
    }
    release.countDown();
    closer.join(10_000);
    assertEquals(List.of("finished"), outcome);
  }

  @Test
  void aRetentionPeriodThatIsNotPositiveIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RetentionJob(Duration.ZERO, clock, List.of()));
  }

  @Test
  void oldStatisticsAndTakenEscalationsGoWhileRecentOnesStay() {
    try (H2UsageLog usage = H2UsageLog.open(dir, Redactor.defaults(), clock, true);
        H2Outbox outbox = H2Outbox.open(dir, Redactor.defaults(), clock)) {
      usage.recordSearch("a1", "ricerca vecchia", Search.none());
      Agent anna = new Agent("t/anna", "aad-anna", "Anna", null);
      long taken = outbox.enqueue(anna, new EscalationRequest("fatture", "Fatture", "s1", "Passo", "Motivo",
          "1234567", "Nota", List.of())).id();
      outbox.take(taken, "tl-1", "TL Uno", "conv", "act");
      clock.advance(Duration.ofDays(100));
      usage.recordSearch("a1", "ricerca recente", Search.none());
      long recent = outbox.enqueue(anna, new EscalationRequest("fatture", "Fatture", "s1", "Passo", "Motivo",
          "7654321", "Nota", List.of())).id();
      outbox.take(recent, "tl-1", "TL Uno", "conv", "act2");
      RetentionJob job = new RetentionJob(Duration.ofDays(90), clock, List.of(
          new RetentionJob.Part("usage", usage::purge), new RetentionJob.Part("escalations", outbox::purge)));

      assertEquals(2, job.runOnce());

      assertEquals(List.of("ricerca recente"),
          usage.unmatched(Instant.EPOCH, 10).stream().map(u -> u.text()).toList());
      assertTrue(outbox.find(taken).isEmpty(), "taken 100 days ago: only its count is left");
      assertEquals(State.TAKEN, outbox.find(recent).orElseThrow().state());
    }
  }
}
