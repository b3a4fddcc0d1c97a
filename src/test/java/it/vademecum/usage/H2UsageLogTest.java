package it.vademecum.usage;

import it.vademecum.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.config.Settings;
import it.vademecum.privacy.Redactor;
import it.vademecum.usage.Search.Verdict;
import it.vademecum.usage.UsageLog.FeedbackCount;
import it.vademecum.usage.UsageLog.FeedbackReason;
import it.vademecum.usage.UsageLog.HourCount;
import it.vademecum.usage.UsageLog.PickCount;
import it.vademecum.usage.UsageLog.SearchOutcomes;
import it.vademecum.usage.UsageLog.TopicCount;
import it.vademecum.usage.UsageLog.UnmatchedSentence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2UsageLogTest {

  static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z"); // 10:00 in Rome

  @TempDir
  Path dir;

  final MutableClock clock = new MutableClock(T0);
  final List<H2UsageLog> opened = new ArrayList<>();

  H2UsageLog open() {
    H2UsageLog log = H2UsageLog.open(dir, Redactor.defaults(), clock, true);
    opened.add(log);
    return log;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(H2UsageLog::close);
  }

  static Search none() {
    return new Search(Verdict.NONE, "rimborso", 0.12);
  }

  static Search ambiguous() {
    return new Search(Verdict.AMBIGUOUS, "pagamento-non-registrato", 0.55);
  }

  static Search confident(String topic) {
    return new Search(Verdict.CONFIDENT, topic, 0.93);
  }

  long rows(String table) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("usage"), "sa", "");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void createsTheDatabaseFileUnderDataDirAndReopensIt() {
    H2UsageLog log = open();
    log.recordSearch("agent-1", "hosting wordpress lento", none());
    log.close();
    assertTrue(H2UsageLog.exists(dir));
    H2UsageLog again = open();
    assertEquals(1, again.unmatched(Instant.EPOCH, 10).size());
  }

  @Test
  void openingWithoutCreateFailsClearlyWhenTheDatabaseIsMissing() {
    UsageStoreException e = assertThrows(UsageStoreException.class,
        () -> H2UsageLog.open(dir, Redactor.defaults(), clock, false));
    assertFalse(e.inUse());
    assertFalse(H2UsageLog.exists(dir));
  }

  @Test
  void listsUnmatchedSentencesMostFrequentFirstWithCountsAndLastTime() {
    H2UsageLog log = open();
    log.recordSearch("a1", "attivazione SPID", none());
    clock.advance(Duration.ofMinutes(5));
    log.recordSearch("a2", "Attivazione  spid ", none());
    clock.advance(Duration.ofMinutes(5));
    log.recordSearch("a3", "attivazione spid", ambiguous());
    log.recordSearch("a1", "bonifico rimborso", ambiguous());
    log.recordSearch("a1", "password webmail", confident("password-webmail"));

    List<UnmatchedSentence> u = log.unmatched(Instant.EPOCH, 10);
    assertEquals(2, u.size());
    assertEquals("attivazione spid", u.get(0).text().toLowerCase());
    assertEquals(2, u.get(0).noTopic());
    assertEquals(1, u.get(0).ambiguous());
    assertEquals(3, u.get(0).count());
    assertEquals(T0.plus(Duration.ofMinutes(10)), u.get(0).last());
    assertEquals("bonifico rimborso", u.get(1).text());
    assertEquals(1, log.unmatched(Instant.EPOCH, 1).size());
    assertEquals(List.of(), log.unmatched(T0.plus(Duration.ofHours(1)), 10));
  }

  @Test
  void unmatchedSentencesAreStoredRedacted() {
    H2UsageLog log = open();
    log.recordSearch("a1", "cliente 3351234567 non riesce", none());
    assertEquals("cliente [telefono] non riesce", log.unmatched(Instant.EPOCH, 10).get(0).text());
  }

  @Test
  void topicsStartedCountConfidentSearchesAndPicks() {
    H2UsageLog log = open();
    log.recordSearch("a1", "pw webmail", confident("password-webmail"));
    log.recordSearch("a2", "password dimenticata", confident("password-webmail"));
    log.recordSearch("a1", "bonifico non risulta", ambiguous());
    log.recordPick("a1", "pagamento-non-registrato", "bonifico non risulta");
    log.recordSearch("a1", "boh", none());
    assertEquals(List.of(new TopicCount("password-webmail", 2), new TopicCount("pagamento-non-registrato", 1)),
        log.topicsStarted(Instant.EPOCH, 10));
    assertEquals(1, log.topicsStarted(Instant.EPOCH, 1).size());
  }

  @Test
  void picksTellWhichTopicAgentsChoseForAnAmbiguousSentence() {
    H2UsageLog log = open();
    log.recordPick("a1", "pagamento-non-registrato", "Bonifico non risulta");
    log.recordPick("a2", "pagamento-non-registrato", "bonifico non risulta");
    log.recordPick("a3", "rimborso", "bonifico non risulta");
    List<PickCount> picks = log.picks(Instant.EPOCH, 10);
    assertEquals(2, picks.size());
    assertEquals("pagamento-non-registrato", picks.get(0).topicId());
    assertEquals(2, picks.get(0).count());
    assertEquals("bonifico non risulta", picks.get(0).text().toLowerCase());
    assertEquals(new PickCount("bonifico non risulta", "rimborso", 1), picks.get(1));
  }

  @Test
  void searchOutcomesGiveTheShareOfNoTopic() {
    H2UsageLog log = open();
    assertEquals(new SearchOutcomes(0, 0, 0), log.searchOutcomes(Instant.EPOCH));
    log.recordSearch("a1", "x", none());
    log.recordSearch("a1", "y", ambiguous());
    log.recordSearch("a1", "z", confident("rimborso"));
    log.recordSearch("a1", "w", confident("rimborso"));
    SearchOutcomes o = log.searchOutcomes(Instant.EPOCH);
    assertEquals(new SearchOutcomes(4, 1, 1), o);
    assertEquals(0.25, o.noTopicShare(), 1e-9);
    assertEquals(0.25, o.ambiguousShare(), 1e-9);
  }

  @Test
  void countsAnswersByTopic() {
    H2UsageLog log = open();
    log.recordAnswer("a1", "rimborso", "inoltra-billing");
    log.recordAnswer("a2", "rimborso", "attendere");
    log.recordAnswer("a2", "password-webmail", "reset");
    assertEquals(List.of(new TopicCount("rimborso", 2), new TopicCount("password-webmail", 1)),
        log.answersByTopic(Instant.EPOCH, 10));
  }

  @Test
  void feedbackIsCountedByAnswerAndReasonsAreRedacted() {
    H2UsageLog log = open();
    log.recordFeedback("a1", "rimborso", "attendere", true, null);
    log.recordFeedback("a2", "rimborso", "attendere", false, "il cliente (cell 347 1234567) ha già atteso 72 ore");
    clock.advance(Duration.ofMinutes(1));
    log.recordFeedback("a3", "rimborso", "attendere", false, "  ");
    log.recordFeedback("a3", "password-webmail", "reset", true, "ok");
    assertEquals(List.of(new FeedbackCount("rimborso", "attendere", 1, 2),
        new FeedbackCount("password-webmail", "reset", 1, 0)), log.feedback(Instant.EPOCH));
    assertEquals(List.of(new FeedbackReason(T0, "rimborso", "attendere", "il cliente (cell [telefono]) ha già atteso 72 ore")),
        log.feedbackReasons(Instant.EPOCH, 10));
  }

  @Test
  void busiestHoursAreEuropeRomeHoursAcrossDaylightSaving() {
    H2UsageLog log = open();
    clock.set(Instant.parse("2026-07-01T08:30:00Z")); // CEST: 10:30
    log.recordSearch("a1", "x", none());
    clock.set(Instant.parse("2026-11-02T09:30:00Z")); // CET: 10:30
    log.recordSearch("a1", "y", confident("rimborso"));
    clock.set(Instant.parse("2026-11-02T13:05:00Z")); // 14:05
    log.recordSearch("a1", "z", confident("rimborso"));
    List<HourCount> hours = log.busiestHours(Instant.EPOCH);
    assertEquals(24, hours.size());
    assertEquals(new HourCount(10, 2), hours.get(10));
    assertEquals(new HourCount(14, 1), hours.get(14));
    assertEquals(3, hours.stream().mapToLong(HourCount::count).sum());
  }

  @Test
  void purgeDeletesRowsOfEveryTableRecordedBeforeTheCutoff() throws Exception {
    H2UsageLog log = open();
    log.recordSearch("a1", "vecchia", none());
    log.recordPick("a1", "rimborso", "vecchia");
    log.recordAnswer("a1", "rimborso", "attendere");
    log.recordFeedback("a1", "rimborso", "attendere", false, "vecchio");
    clock.advance(Duration.ofDays(60));
    log.recordSearch("a1", "recente", none());
    log.close();

    clock.advance(Duration.ofDays(31)); // the first rows are now 91 days old, the last 31
    H2UsageLog reopened = open();
    assertEquals(4, reopened.purge(clock.instant().minus(Duration.ofDays(90))));
    assertEquals(1, rows("usage_search"));
    assertEquals(0, rows("usage_pick"));
    assertEquals(0, rows("usage_answer"));
    assertEquals(0, rows("usage_feedback"));
    assertEquals("recente", reopened.unmatched(Instant.EPOCH, 10).get(0).text());
  }

  @Test
  void purgeKeepsRowsWithinRetentionAndCountsWhatItDeletes() {
    H2UsageLog log = open();
    log.recordSearch("a1", "uno", none());
    clock.advance(Duration.ofDays(3));
    log.recordSearch("a1", "due", none());
    clock.advance(Duration.ofDays(5));
    Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
    assertEquals(1, log.purge(weekAgo));
    assertEquals(0, log.purge(weekAgo));
    assertEquals("due", log.unmatched(Instant.EPOCH, 10).get(0).text());
  }

  @Test
  void recordsFromManyThreadsAtOnce() throws Exception {
    H2UsageLog log = open();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String agent = "agent-" + t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            log.recordSearch(agent, "frase " + (i % 10), none());
            log.recordAnswer(agent, "rimborso", "attendere");
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(800, log.searchOutcomes(Instant.EPOCH).searches());
    assertEquals(10, log.unmatched(Instant.EPOCH, 100).size());
    assertEquals(80, log.unmatched(Instant.EPOCH, 100).get(0).count());
    assertEquals(800, log.answersByTopic(Instant.EPOCH, 10).get(0).count());
  }

  @Test
  void recordingAfterCloseIsIgnoredAndQueriesSayClosed() {
    H2UsageLog log = open();
    log.close();
    log.recordSearch("a1", "dopo la chiusura", none());
    log.close();
    assertThrows(UsageStoreException.class, () -> log.unmatched(Instant.EPOCH, 10));
  }

  @Test
  void verylongSentencesAreCutAfterRedaction() {
    H2UsageLog log = open();
    String text = "bla ".repeat(400) + "cell 3351234567";
    log.recordSearch("a1", text, none());
    String stored = log.unmatched(Instant.EPOCH, 10).get(0).text();
    assertEquals(H2UsageLog.SENTENCE_MAX, stored.length());
    assertFalse(stored.contains("335"));
  }

  @Test
  void disabledLogKeepsNothing() {
    UsageLog log = UsageLog.disabled();
    log.recordSearch("a1", "x", none());
    assertEquals(List.of(), log.unmatched(Instant.EPOCH, 10));
    assertEquals(24, log.busiestHours(Instant.EPOCH).size());
  }
}
