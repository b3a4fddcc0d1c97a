package it.vademecum.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.RealServices;
import it.vademecum.privacy.Redactor;
import it.vademecum.store.Database;
import it.vademecum.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' statistics in one real PostgreSQL database: every report sees both, retention works. */
class SharedUsageLogTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final List<H2UsageLog> opened = new ArrayList<>();
  private String url;

  @BeforeEach
  void database() {
    url = RealServices.freshDatabaseUrl();
  }

  @AfterEach
  void close() {
    opened.forEach(H2UsageLog::close);
  }

  private H2UsageLog instance() {
    H2UsageLog log = H2UsageLog.open(Database.postgres(RealServices.asSetting(url), "usage"),
        Redactor.defaults(), clock);
    opened.add(log);
    return log;
  }

  @Test
  void whatEitherInstanceRecordsIsInEveryReport() {
    H2UsageLog one = instance();
    H2UsageLog two = instance();
    one.recordSearch("a1", "attivazione SPID", H2UsageLogTest.none());
    two.recordSearch("a2", "Attivazione  spid ", H2UsageLogTest.ambiguous());
    two.batch(() -> {
      two.recordSearch("a2", "bonifico 600 euro", H2UsageLogTest.confident("pagamento-non-registrato"));
      two.recordAnswer("a2", "pagamento-non-registrato", "billing");
    });
    one.recordPick("a1", "rimborso", "soldi indietro");
    one.recordFeedback("a1", "pagamento-non-registrato", "billing", false, "manca la coda mario@pec.it");
    two.recordFeedback("a2", "pagamento-non-registrato", "billing", true, null);

    for (H2UsageLog log : List.of(one, two)) {
      List<UsageLog.UnmatchedSentence> unmatched = log.unmatched(Instant.EPOCH, 10);
      assertEquals(1, unmatched.size(), unmatched.toString());
      assertEquals(2, unmatched.get(0).count());
      assertEquals(new UsageLog.SearchOutcomes(3, 1, 1), log.searchOutcomes(Instant.EPOCH));
      assertEquals(List.of(new UsageLog.TopicCount("pagamento-non-registrato", 1)),
          log.answersByTopic(Instant.EPOCH, 10));
      assertEquals(1, log.picks(Instant.EPOCH, 10).size());
      assertTrue(log.topicsStarted(Instant.EPOCH, 10).size() >= 1);
      assertEquals(List.of(new UsageLog.FeedbackCount("pagamento-non-registrato", "billing", 1, 1)),
          log.feedback(Instant.EPOCH));
      List<UsageLog.FeedbackReason> reasons = log.feedbackReasons(Instant.EPOCH, 10);
      assertEquals(1, reasons.size());
      assertTrue(!reasons.get(0).reason().contains("mario@pec.it"), "redacted: " + reasons.get(0).reason());
      List<UsageLog.HourCount> hours = log.busiestHours(Instant.EPOCH);
      assertEquals(24, hours.size());
      assertEquals(3, hours.get(10).count(), "09:00 UTC is 10:00 in Rome");
    }
  }

  @Test
  void retentionOnOneInstanceDeletesOldRowsForAll() {
    H2UsageLog one = instance();
    H2UsageLog two = instance();
    one.recordSearch("a1", "attivazione SPID", H2UsageLogTest.none());
    clock.advance(Duration.ofDays(91));
    two.recordSearch("a2", "hosting lento", H2UsageLogTest.none());
    assertTrue(two.purge(clock.instant().minus(Duration.ofDays(90))) >= 1);
    assertEquals(1, one.unmatched(Instant.EPOCH, 10).size());
  }
}
