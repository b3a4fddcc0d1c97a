package it.vademecum.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.vademecum.assistant.Agent;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.usage.Search;
import it.vademecum.privacy.Redactor;
import it.vademecum.shift.DialogsCopy;
import it.vademecum.testing.MutableClock;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON under /api/stats/ read from real stores on a clock the test moves. */
class StatsApiTest {

  /** A Tuesday, 10:00 in Rome (CET, UTC+1). */
  static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");
  static final Duration RETENTION = Duration.ofDays(30);
  static final Agent MARIO = new Agent("t/mario", "aad-mario", "Mario Rossi", null);

  @TempDir
  Path dir;
  final MutableClock clock = new MutableClock(T0);
  H2UsageLog usage;
  H2Outbox outbox;
  StatsApi api;

  @BeforeEach
  void open() {
    usage = H2UsageLog.open(dir, Redactor.defaults(), clock, true);
    outbox = H2Outbox.open(dir, Redactor.defaults(), clock);
    api = new StatsApi(Dashboard.local(new Dashboard.Sources(usage, Optional.of(outbox), id -> "Titolo " + id,
        ReviewDates.NONE, Suggestions.NONE), clock, RETENTION));
  }

  @AfterEach
  void close() {
    api.close();
    outbox.close();
    usage.close();
  }

  static Search confident(String topic) {
    return new Search(Search.Verdict.CONFIDENT, topic, 0.93);
  }

  static Search ambiguous() {
    return new Search(Search.Verdict.AMBIGUOUS, "rimborso", 0.55);
  }

  static EscalationRequest request() {
    return new EscalationRequest("rimborso", "Rimborso", "scala-tl", "Scala al TL.", "motivo", "1234567",
        "nota riservata", List.of("Domanda → Sì"));
  }

  /** Records at {@code at}: the clock is the stores' clock. */
  void at(Instant at, Runnable records) {
    clock.set(at);
    records.run();
  }

  @Test
  void anEmptyStoreAnswersEverySectionWithZerosAndEmptyTables() throws Exception {
    JsonNode o = api.section("overview", "");
    assertEquals("2026-11-04", o.path("from").asText(), "the last seven days by default");
    assertEquals("2026-11-10", o.path("to").asText());
    assertEquals(0, o.path("searches").asLong());
    JsonNode days = api.section("days", "");
    assertEquals(7, days.size());
    days.forEach(d -> assertEquals(0, d.path("searches").asLong()));
    JsonNode hours = api.section("hours", "");
    assertEquals(24, hours.size());
    hours.forEach(h -> assertEquals(0, h.path("count").asLong()));
    assertEquals(0, api.section("topics", "").size());
    assertEquals(0, api.section("unmatched", "").size());
    assertEquals(0, api.section("feedback", "").size());
    JsonNode e = api.section("escalations", "");
    assertTrue(e.path("available").asBoolean());
    assertEquals(0, e.path("created").asLong());
    assertTrue(e.path("medianMinutes").isNull());
    assertEquals(7, e.path("takeOver").size());
    assertEquals(0, e.path("waiting").size());
    assertFalse(api.section("reviews", "").path("available").asBoolean(), "no review dates before they exist");
    assertEquals(0, api.section("reviews", "").path("overdue").size());
    assertFalse(api.section("suggestions", "").path("available").asBoolean());
    assertEquals(0, api.section("suggestions", "").path("pending").size());
  }

  @Test
  void oneDayCountsWhatWasRecordedThatDayAndNothingElse() throws Exception {
    at(Instant.parse("2026-11-08T22:59:00Z"), () -> usage.recordSearch("a", "prima del giorno", confident("rimborso")));
    at(Instant.parse("2026-11-09T07:30:00Z"), () -> {
      usage.recordSearch("a", "rimborso della PEC", confident("rimborso"));
      usage.recordSearch("b", "rimborso non arrivato", confident("rimborso"));
      usage.recordSearch("a", "il bonifico non risulta", confident("pagamento-non-registrato"));
      usage.recordSearch("b", "soldi spariti", ambiguous());
      usage.recordPick("b", "pagamento-non-registrato", "soldi spariti");
      usage.recordSearch("a", "scrivimi a mario.rossi@example.com", Search.none());
      usage.recordFeedback("a", "rimborso", "inoltra", false, "coda sbagliata");
      usage.recordFeedback("b", "pagamento-non-registrato", "inoltra", true, null);
    });
    at(Instant.parse("2026-11-09T08:00:00Z"), () -> outbox.enqueue(MARIO, request()));
    at(Instant.parse("2026-11-09T08:10:00Z"), () -> outbox.enqueue(MARIO, request()));
    at(Instant.parse("2026-11-09T08:12:00Z"), () -> outbox.take(1, "tl", "Anna", "c", "a"));
    at(Instant.parse("2026-11-09T23:00:00Z"), () -> usage.recordSearch("a", "il giorno dopo", confident("rimborso")));
    clock.set(T0);
    String day = "?from=2026-11-09&to=2026-11-09";

    JsonNode o = api.section("overview", day);
    assertEquals(5, o.path("searches").asLong());
    assertEquals(3, o.path("withoutMenu").asLong());
    assertEquals(1, o.path("menu").asLong());
    assertEquals(1, o.path("noTopic").asLong());
    JsonNode days = api.section("days", day);
    assertEquals(1, days.size());
    assertEquals("2026-11-09", days.path(0).path("day").asText());
    assertEquals(5, days.path(0).path("searches").asLong());
    assertEquals(5, api.section("hours", day).path(8).path("count").asLong(), "07:30 UTC is 08:30 in Rome");
    JsonNode topics = api.section("topics", day);
    assertEquals(2, topics.size());
    assertEquals("pagamento-non-registrato", topics.path(0).path("topicId").asText(), "a confident search and a pick");
    assertEquals(2, topics.path(0).path("count").asLong());
    assertEquals("Titolo pagamento-non-registrato", topics.path(0).path("title").asText());
    assertEquals(2, topics.path(1).path("count").asLong());
    JsonNode unmatched = api.section("unmatched", day);
    assertEquals(2, unmatched.size());
    assertFalse(unmatched.toString().contains("mario.rossi@example.com"), "redacted: " + unmatched);
    JsonNode e = api.section("escalations", day);
    assertEquals(2, e.path("created").asLong());
    assertEquals(1, e.path("open").asLong());
    assertEquals(1, e.path("taken").asLong());
    assertEquals(12.0, e.path("medianMinutes").asDouble(), "sent 08:00, taken 08:12");
    assertEquals(1, e.path("takeOver").size());
    assertEquals(1, e.path("takeOver").path(0).path("taken").asInt());
    JsonNode waiting = e.path("waiting");
    assertEquals(1, waiting.size());
    assertEquals("Mario Rossi", waiting.path(0).path("agent").asText());
    assertFalse(e.toString().contains("1234567") || e.toString().contains("nota riservata"), "no ticket, no note");
    JsonNode feedback = api.section("feedback", day);
    assertEquals("rimborso", feedback.path(0).path("topicId").asText(), "worst first");
    assertEquals(1, feedback.path(0).path("down").asLong());
    assertEquals("coda sbagliata", feedback.path(0).path("reasons").path(0).asText());
    assertEquals(1, feedback.path(1).path("up").asLong());
  }

  @Test
  void aRangeAcrossAMonthEndCountsEachDayInRomeTime() throws Exception {
    at(Instant.parse("2026-10-30T12:00:00Z"), () -> usage.recordSearch("a", "uno", confident("rimborso")));
    at(Instant.parse("2026-10-31T22:30:00Z"), () -> usage.recordSearch("a", "due", confident("rimborso")));
    at(Instant.parse("2026-10-31T23:30:00Z"), () -> usage.recordSearch("a", "tre", Search.none()));
    at(Instant.parse("2026-11-02T10:00:00Z"), () -> usage.recordSearch("a", "quattro", ambiguous()));
    clock.set(T0);
    String range = "?from=2026-10-30&to=2026-11-02";
    JsonNode days = api.section("days", range);
    assertEquals(List.of("2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"),
        List.of(days.path(0).path("day").asText(), days.path(1).path("day").asText(), days.path(2).path("day").asText(),
            days.path(3).path("day").asText()));
    assertEquals(1, days.path(0).path("withoutMenu").asLong());
    assertEquals(1, days.path(1).path("withoutMenu").asLong(), "23:30 in Rome is still 31 October");
    assertEquals(1, days.path(2).path("noTopic").asLong(), "00:30 in Rome is 1 November");
    assertEquals(1, days.path(3).path("menu").asLong());
    assertEquals(4, api.section("overview", range).path("searches").asLong());
    assertEquals(3, api.section("overview", "?from=2026-10-31&to=2026-11-02").path("searches").asLong());
  }

  @Test
  void nothingOlderThanTheRetentionPeriodIsShownEvenBeforeThePurgeRuns() throws Exception {
    at(T0.minus(Duration.ofDays(40)), () -> {
      usage.recordSearch("a", "vecchia", confident("rimborso"));
      usage.recordFeedback("a", "rimborso", "inoltra", false, "vecchio motivo");
      outbox.enqueue(MARIO, request());
    });
    at(T0.minus(Duration.ofDays(40)).plusSeconds(600), () -> outbox.take(1, "tl", "Anna", "c", "a"));
    at(T0.minus(Duration.ofDays(2)), () -> usage.recordSearch("a", "recente", confident("rimborso")));
    clock.set(T0);
    assertEquals(2, usage.searchOutcomes(Instant.EPOCH).searches(), "the old row is still in the store");
    String all = "?from=2026-09-01&to=2026-11-10";
    JsonNode o = api.section("overview", all);
    assertTrue(o.path("clamped").asBoolean());
    assertEquals("2026-10-11", o.path("from").asText(), "thirty days back from 10 November, 10:00");
    assertEquals(1, o.path("searches").asLong());
    assertEquals(31, api.section("days", all).size());
    assertEquals(0, api.section("feedback", all).size());
    JsonNode e = api.section("escalations", all);
    assertEquals(0, e.path("created").asLong());
    assertEquals(0, e.path("taken").asLong());
    assertTrue(e.path("medianMinutes").isNull());
  }

  @Test
  void aWrongDateOrRangeIsAClearItalianError() throws Exception {
    StatsApi.Answer bad = api.get(Dashboard.API + "overview?from=2026-13-01&to=2026-11-10");
    assertEquals(400, bad.status());
    assertTrue(bad.json().path("error").asText().startsWith("Data non valida «2026-13-01»"), bad.body());
    StatsApi.Answer reversed = api.get(Dashboard.API + "days?from=2026-11-10&to=2026-11-01");
    assertEquals(400, reversed.status());
    assertTrue(reversed.json().path("error").asText().contains("è successiva alla data di fine"), reversed.body());
    StatsApi.Answer future = api.get(Dashboard.API + "days?from=2027-01-01&to=2027-01-31");
    assertEquals(400, future.status());
    assertEquals(404, api.get(Dashboard.API + "nothing").status());
    JsonNode capped = api.section("days", "?from=2026-11-08&to=2026-12-31");
    assertEquals(3, capped.size(), "never past today");
  }

  @Test
  void reviewsListTheTopicsOfTheDialogsPastTheirReviewDateWithTheirOwner() throws Exception {
    Path dialogs = DialogsCopy.into(dir.resolve("dialogs"));
    DialogsCopy.edit(dialogs, "pausa.json", "\"verified\": \"2026-12-01\"", "\"verified\": \"2026-01-10\"");
    Catalog catalog = new CatalogLoader().load(dialogs);
    try (StatsApi reviewed = new StatsApi(Dashboard.local(new Dashboard.Sources(usage, Optional.of(outbox),
        id -> id, ReviewDates.of(() -> catalog), Suggestions.NONE), clock, RETENTION))) {
      JsonNode r = reviewed.section("reviews", "");
      assertTrue(r.path("available").asBoolean(), r.toString());
      assertEquals(1, r.path("overdue").size(), r.toString());
      JsonNode pausa = r.path("overdue").path(0);
      assertEquals("pausa", pausa.path("topicId").asText());
      assertEquals("2026-04-10", pausa.path("due").asText(), "verified plus the default P90D");
      assertFalse(pausa.path("owner").asText().isBlank());
    }
    try (StatsApi loading = new StatsApi(Dashboard.local(new Dashboard.Sources(usage, Optional.of(outbox),
        id -> id, ReviewDates.of(() -> null), Suggestions.NONE), clock, RETENTION))) {
      assertEquals(0, loading.section("reviews", "").path("overdue").size(), "none while the dialogs load");
    }
  }

  @Test
  void suggestionsListTheOpenOnesOfTheUsageStoreMostFrequentFirstWithoutPersonalData() throws Exception {
    usage.recordSuggestion("a", "rimborso", "il cliente rivuole i soldi");
    usage.recordSuggestion("b", "rimborso", "il cliente rivuole i soldi");
    usage.recordSuggestion("a", "fatture", "la fattura per mario.rossi@gmail.com");
    try (StatsApi withStore = new StatsApi(Dashboard.local(new Dashboard.Sources(usage, Optional.of(outbox),
        id -> "Titolo " + id, ReviewDates.NONE, Suggestions.of(usage, id -> "Titolo " + id)), clock, RETENTION))) {
      JsonNode s = withStore.section("suggestions", "");
      assertTrue(s.path("available").asBoolean(), s.toString());
      JsonNode pending = s.path("pending");
      assertEquals(2, pending.size(), s.toString());
      assertEquals("rimborso", pending.path(0).path("topicId").asText());
      assertEquals(2, pending.path(0).path("evidence").asLong());
      assertEquals("Titolo rimborso", pending.path(0).path("title").asText());
      assertFalse(s.toString().contains("mario.rossi"), "redacted in the store: " + s);
    }
  }

  @Test
  void withoutAnOutboxTheEscalationsSectionSaysSo() throws Exception {
    try (StatsApi noOutbox = new StatsApi(Dashboard.local(new Dashboard.Sources(UsageLog.disabled(), Optional.empty(),
        id -> id, ReviewDates.NONE, Suggestions.NONE), clock, RETENTION))) {
      JsonNode e = noOutbox.section("escalations", "");
      assertFalse(e.path("available").asBoolean());
      assertEquals(0, noOutbox.section("overview", "").path("searches").asLong());
    }
  }

  @Test
  void inLocalModeOnlyThisMachineGetsIn() {
    DashboardAccess local = DashboardAccess.local();
    assertTrue(local.check("127.0.0.1", null).isEmpty());
    assertTrue(local.check("::1", null).isEmpty());
    assertEquals(new DashboardAccess.Refusal(403, DashboardAccess.ONLY_HERE), local.check("10.1.2.3", null).orElseThrow());
    assertEquals(403, local.check(null, null).orElseThrow().status());
  }

  @Test
  void percentilesAreNearestRank() {
    assertEquals(null, DashboardStats.percentile(List.of(), 50));
    assertEquals(3.0, DashboardStats.percentile(List.of(5.0, 1.0, 3.0), 50));
    assertEquals(10.0, DashboardStats.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 91));
    assertEquals(9.0, DashboardStats.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90));
  }
}
