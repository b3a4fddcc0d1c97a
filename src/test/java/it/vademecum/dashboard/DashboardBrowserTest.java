package it.vademecum.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Assistant;
import it.vademecum.dialog.Topic;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.engine.Input;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.escalation.ChannelPoster;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationStats;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.OutboxSink;
import it.vademecum.escalation.PostOutcome;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.supervisor.Feedback;
import it.vademecum.supervisor.Roles;
import it.vademecum.teams.TeamsServer;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a supervisor sees it: the real server on stores filled by real turns of the
 * assistant, opened in headless Chromium. Every chart is drawn, every table says what the stores
 * hold, the console stays clean; in Teams mode a non-supervisor's token gets the refusal page.
 */
class DashboardBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final ZoneId ROME = ZoneId.of("Europe/Rome");
  static final Agent MARIO = new Agent("t/mario", "aad-mario", "Mario Verdi", null);
  static final Agent GIULIA = new Agent("t/giulia", "aad-giulia", "Giulia Neri", null);
  static final Agent PAOLO = new Agent("t/paolo", "aad-paolo", "Paolo Gialli", null);
  static final String SUPERVISOR = "00000000-0000-0000-0000-00000000aaaa";
  static final String[] CHARTS = {"chart-days", "chart-hours", "chart-outcomes", "chart-topics", "chart-takeover",
      "chart-feedback"};

  /** The time of the test: now, to the minute; every row is stamped before it. */
  static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  static final it.vademecum.testing.MutableClock clock = new it.vademecum.testing.MutableClock(NOW);

  @TempDir
  static Path data;
  static H2UsageLog usage;
  static H2Outbox outbox;
  static Engine engine;
  static TeamsServer local;
  static TeamsServer teams;
  static IdentityPlatform idp;
  static Function<String, String> titles;

  @BeforeAll
  static void fill() throws Exception {
    usage = H2UsageLog.open(data, Redactor.defaults(), clock, true);
    outbox = H2Outbox.open(data, Redactor.defaults(), clock);
    engine = new EngineLoader().load(Path.of(System.getProperty("vademecum.dialogs", "dialogs")));
    Feedback feedback = new Feedback(() -> engine);
    ChannelPoster noChannelYet = new ChannelPoster() {
      @Override
      public PostOutcome post(Escalation escalation) {
        throw new AssertionError("nothing is posted: no sender runs in this test");
      }

      @Override
      public Optional<String> configurationProblem() {
        return Optional.empty();
      }
    };
    // The engine's business rules on a Tuesday at 10:00 in Rome; the stores stamp rows with the
    // test's clock, moved over the last six days.
    Assistant assistant = new Assistant(() -> engine, new CaffeineSessionStore(Duration.ofHours(1), 100), usage,
        new OutboxSink(outbox, noChannelYet, () -> { }), List.of(feedback),
        Clock.fixed(Knowledge.TUESDAY_10, ROME), feedback);
    String[] asked = {"il cliente non ricorda la password della webmail", "come configuro la pec su outlook",
        "il cliente vuole cambiare il cellulare di recupero della pec", "spostare il ticket al gruppo giusto",
        "il file p7s della ricevuta", "pec non acquistata su pec.it", "bonifico di 600 euro fatto ieri non registrato"};
    Agent[] agents = {MARIO, GIULIA, PAOLO};
    for (int d = 5; d >= 1; d--) {
      for (int i = 0; i < 3 + (d * 7) % 5; i++) {
        at(d, 9 + (i * 3 + d) % 8, 10 + i);
        ask(assistant, agents[i % 3], asked[(i + d) % asked.length]);
      }
    }
    at(4, 11, 5);
    ask(assistant, PAOLO, "la stampante del terzo piano fa rumore");
    at(2, 15, 40);
    Reply menu = ask(assistant, GIULIA, "pagamento");
    assistant.turn(GIULIA, Input.button(menu.options().get(0).value()));
    at(3, 10, 0);
    escalate(assistant, GIULIA);
    at(3, 10, 18);
    assertTrue(outbox.take(1, "tl-anna", "Anna Bianchi", "c", "a").won());
    at(1, 11, 0);
    escalate(assistant, MARIO);
    at(1, 11, 7);
    assertTrue(outbox.take(2, "tl-anna", "Anna Bianchi", "c", "a").won());
    at(1, 15, 0);
    escalate(assistant, PAOLO);
    at(1, 15, 52);
    assertTrue(outbox.take(3, "tl-luca", "Luca Verdi", "c", "a").won());

    clock.set(NOW.minus(Duration.ofMinutes(130)));
    Reply answer = ask(assistant, MARIO, "bonifico di 600 euro fatto ieri non registrato");
    assistant.turn(MARIO, Input.button(thumb(answer, "f:up:")));
    Reply again = ask(assistant, GIULIA, "bonifico di 600 euro fatto ieri non registrato");
    assistant.turn(GIULIA, Input.button(thumb(again, "f:down:")));
    assistant.turn(GIULIA, Input.text("la coda indicata non è quella giusta"));
    Reply password = ask(assistant, PAOLO, "il cliente non ricorda la password della webmail di assistenza.clienti@pec.it");
    assistant.turn(PAOLO, Input.button(thumb(password, "f:up:")));
    ask(assistant, PAOLO, "la stampante del terzo piano fa rumore");
    escalate(assistant, MARIO);
    clock.set(NOW.minus(Duration.ofMinutes(96)));
    assertTrue(outbox.take(4, "tl-anna", "Anna Bianchi", "c", "a").won());
    clock.set(NOW.minus(Duration.ofMinutes(35)));
    escalate(assistant, PAOLO);
    clock.set(NOW);
    assertEquals(2, usage.searchOutcomes(Instant.EPOCH).noTopic(), "the printer found no topic, twice");

    titles = id -> engine.catalog().topic(id).map(Topic::title).orElse(id);
    Dashboard.Sources sources = new Dashboard.Sources(usage, Optional.of(outbox), titles, ReviewDates.NONE,
        Suggestions.NONE);
    local = new TeamsServer(new TeamsServer.Options(null, null, "MultiTenant", null, "127.0.0.1", 0), () -> engine,
        turn -> java.util.concurrent.CompletableFuture.completedFuture(null));
    local.routes(Dashboard.local(sources, clock, Duration.ofDays(90))::install);
    local.start();
    idp = new IdentityPlatform();
    teams = new TeamsServer(new TeamsServer.Options(IdentityPlatform.APP_ID, "secret", "MultiTenant",
        IdentityPlatform.TENANT, "127.0.0.1", 0), () -> engine,
        turn -> java.util.concurrent.CompletableFuture.completedFuture(null));
    teams.routes(new Dashboard(sources, clock, Duration.ofDays(90), DashboardAccess.teams(
        new SsoTokens(IdentityPlatform.APP_ID, IdentityPlatform.TENANT, idp.openIdUrl()),
        new Roles(List.of(SUPERVISOR))))::install);
    teams.start();
  }

  /** {@code daysAgo} days before today, at hh:mm in Rome. */
  private static void at(int daysAgo, int hour, int minute) {
    clock.set(LocalDate.ofInstant(NOW, ROME).minusDays(daysAgo).atTime(hour, minute).atZone(ROME).toInstant());
  }

  private static String thumb(Reply reply, String prefix) {
    return reply.options().stream().map(Option::value).filter(v -> v.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " on " + reply));
  }

  /** A new case: «ricomincia» first, as an agent does, so no earlier question takes the sentence as its answer. */
  private static Reply ask(Assistant assistant, Agent agent, String sentence) {
    assistant.turn(agent, Input.text("ricomincia"));
    return assistant.turn(agent, Input.text(sentence));
  }

  /** From the sentence to «Invia al TL»: the engine asks the ticket and the note, then the sink stores it. */
  private static void escalate(Assistant assistant, Agent agent) {
    Reply r = ask(assistant, agent, "bonifico di 200 euro fatto 6 giorni fa e non ancora registrato");
    assertEquals("scala-tl", r.nodeId(), r.toString());
    assistant.turn(agent, Input.text("#1234567"));
    Reply summary = assistant.turn(agent, Input.button(option(assistant.turn(agent, Input.text("nessuna nota")),
        "Invia al TL")));
    assertTrue(summary.lines().stream().anyMatch(l -> l.contains("in coda per il TL")), summary.lines().toString());
  }

  private static String option(Reply reply, String label) {
    return reply.options().stream().filter(o -> o.label().contains(label)).map(Option::value).findFirst()
        .orElseThrow(() -> new AssertionError("no «" + label + "» on " + reply));
  }

  @AfterAll
  static void stop() throws Exception {
    if (local != null) {
      local.close();
    }
    if (teams != null) {
      teams.close();
    }
    if (idp != null) {
      idp.close();
    }
    if (outbox != null) {
      outbox.close();
    }
    if (usage != null) {
      usage.close();
    }
  }

  /** Headless Chromium, a fresh profile, nothing that calls home; skipped only outside CI. */
  private static ChromeDriver browser(Path profile) {
    String missing = "headless Chromium needs " + CHROMIUM + " and " + CHROMEDRIVER
        + " (apt-get install -y chromium chromium-driver)";
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    assertTrue(present || !"true".equals(System.getenv("CI")), missing);
    assumeTrue(present, missing);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,2650", "--lang=it-IT");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "it-IT,it"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("LANGUAGE", "it_IT", "LANG", "it_IT.UTF-8")).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static void open(ChromeDriver driver, String url, String ready) {
    driver.get(url);
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
      Object state = ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready");
      return ready.equals(state) || "problem".equals(state);
    });
    assertEquals(ready, driver.executeScript("return document.body.dataset.ready"),
        "page state; problem shown: " + driver.findElement(By.id("problem")).getAttribute("textContent"));
  }

  private static List<String> severe(ChromeDriver driver) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        out.add(e.getLevel() + " " + e.getMessage());
      }
    }
    return out;
  }

  /** The cells of a table, as the page wrote them (hidden in a closed «Mostra i numeri» or not). */
  @SuppressWarnings("unchecked")
  private static List<List<String>> rows(ChromeDriver driver, String selector) {
    return (List<List<String>>) driver.executeScript("return Array.from(document.querySelectorAll(arguments[0]"
        + " + ' tbody tr')).map(tr => Array.from(tr.cells).map(td => td.textContent.trim()))", selector);
  }

  @Test
  void aSupervisorSeesEveryChartWithTheStoresNumbersAndACleanConsole(@TempDir Path profile) throws Exception {
    ChromeDriver driver = browser(profile);
    try {
      open(driver, "http://127.0.0.1:" + local.port() + Dashboard.PATH, "true");
      assertEquals("Vademecum · Dashboard supervisori", driver.getTitle());
      for (String id : CHARTS) {
        Object drawn = driver.executeScript("const c = Chart.getChart(document.getElementById(arguments[0]));"
            + " if (!c) return 'no chart'; const el = c.canvas; if (el.width === 0 || el.height === 0) return 'empty canvas';"
            + " const px = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;"
            + " for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return 'drawn'; return 'blank';", id);
        assertEquals("drawn", drawn, id);
      }

      LocalDate today = LocalDate.ofInstant(NOW, ROME);
      Instant start = today.minusDays(6).atStartOfDay(ROME).toInstant();
      Instant end = today.plusDays(1).atStartOfDay(ROME).toInstant();
      List<List<String>> days = rows(driver, "#days");
      assertEquals(7, days.size());
      for (int d = 0; d < 7; d++) {
        LocalDate day = today.minusDays(6 - d);
        UsageLog.SearchOutcomes o = usage.searchOutcomes(day.atStartOfDay(ROME).toInstant(),
            day.plusDays(1).atStartOfDay(ROME).toInstant());
        assertEquals(List.of(Long.toString(o.searches()), Long.toString(o.searches() - o.ambiguous() - o.noTopic()),
            Long.toString(o.ambiguous()), Long.toString(o.noTopic())), days.get(d).subList(1, 5), "row of " + day);
      }
      UsageLog.SearchOutcomes week = usage.searchOutcomes(start, end);
      assertEquals(Long.toString(week.searches()), driver.findElement(By.id("kpi-searches")).getText());
      assertEquals(List.of(List.of("Trovato subito", Long.toString(week.searches() - week.ambiguous() - week.noTopic())),
          List.of("Con menu", Long.toString(week.ambiguous())), List.of("Nessun argomento", Long.toString(week.noTopic()))),
          rows(driver, "#outcomes").stream().map(r -> r.subList(0, 2)).toList());
      assertEquals(1, week.ambiguous());

      List<List<String>> topics = rows(driver, "#topics");
      List<List<String>> stored = usage.topicsStarted(start, end, DashboardStats.TOP_TOPICS).stream()
          .map(t -> List.of(titles.apply(t.topicId()), Long.toString(t.count()))).toList();
      assertTrue(stored.size() >= 5, stored.toString());
      assertEquals(stored, topics);

      List<List<String>> hours = rows(driver, "#hours");
      List<List<String>> storedHours = usage.busiestHours(start, end).stream().filter(h -> h.count() > 0)
          .map(h -> List.of(String.format("%02d:00", h.hour()), Long.toString(h.count()))).toList();
      assertEquals(storedHours, hours);

      List<List<String>> unmatched = rows(driver, "#unmatched");
      assertEquals(usage.unmatched(start, end, DashboardStats.UNMATCHED).stream()
          .map(u -> List.of(u.text(), Long.toString(u.count()), Long.toString(u.noTopic()),
              Long.toString(u.ambiguous()))).toList(), unmatched);
      assertEquals(List.of("la stampante del terzo piano fa rumore", "2", "2", "0"), unmatched.get(0));

      Map<State, Long> states = ((EscalationStats) outbox).countByState(start, end);
      assertEquals(Long.toString(states.values().stream().mapToLong(Long::longValue).sum()),
          driver.findElement(By.id("esc-created")).getText());
      assertEquals("5", driver.findElement(By.id("esc-created")).getText());
      assertEquals(Long.toString(states.getOrDefault(State.TAKEN, 0L)), driver.findElement(By.id("esc-taken")).getText());
      assertEquals("1", driver.findElement(By.id("esc-open")).getText());
      List<List<String>> takeOver = rows(driver, "#takeover-table");
      List<List<String>> expected = new ArrayList<>();
      Map<LocalDate, List<Double>> byDay = new java.util.TreeMap<>();
      for (EscalationStats.TakeOver t : ((EscalationStats) outbox).takeOvers(start, end)) {
        byDay.computeIfAbsent(LocalDate.ofInstant(t.taken(), ROME), k -> new ArrayList<>())
            .add(Duration.between(t.sent(), t.taken()).toSeconds() / 60.0);
      }
      byDay.values().forEach(m -> expected.add(List.of(Integer.toString(m.size()), fmt(DashboardStats.percentile(m, 50)),
          fmt(DashboardStats.percentile(m, 90)))));
      assertEquals(expected, takeOver.stream().map(r -> r.subList(1, 4)).toList());
      assertEquals(List.of("1", "18", "18"), expected.get(0), "sent 10:00, taken 10:18");
      assertEquals(List.of("2", "7", "52"), expected.get(1));
      assertEquals("18 min", driver.findElement(By.id("kpi-median")).getText(), "7, 11, 18, 52 minutes");
      List<List<String>> waiting = rows(driver, "#waiting-table");
      assertEquals(List.of(List.of("Paolo Gialli", outbox.open().get(0).topicTitle(), "in coda", "35 min")), waiting);

      List<List<String>> feedback = rows(driver, "#feedback");
      List<UsageLog.FeedbackCount> votes = usage.feedback(start, end);
      assertEquals(2, votes.size(), votes.toString());
      UsageLog.FeedbackCount worst = votes.get(0);
      assertEquals(List.of(titles.apply(worst.topicId()), Long.toString(worst.up()), Long.toString(worst.down()),
          "la coda indicata non è quella giusta"), feedback.get(0));
      assertEquals(List.of(titles.apply(votes.get(1).topicId()), "1", "0", "–"), feedback.get(1));

      assertEquals("Le date di revisione degli argomenti non sono ancora disponibili.",
          rows(driver, "#reviews").get(0).get(0));
      assertEquals("I suggerimenti non sono ancora disponibili.", rows(driver, "#suggestions").get(0).get(0));

      WebElement numbers = driver.findElement(By.cssSelector("#topics details"));
      assertFalse(numbers.findElement(By.tagName("table")).isDisplayed(), "the table is folded under the chart");
      numbers.findElement(By.tagName("summary")).click();
      assertTrue(numbers.findElement(By.tagName("table")).isDisplayed(), "one click away");

      List<String> errors = severe(driver);
      assertEquals(List.of(), errors, "console");
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.createDirectories(Path.of("target"));
      Files.copy(shot.toPath(), Path.of("target", "dashboard.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      driver.findElement(By.cssSelector("button[data-days='30']")).click();
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(
          ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")) && rows(driver, "#days").size() == 30);
      assertEquals(today.minusDays(29).toString(), driver.findElement(By.id("from")).getAttribute("value"));
    } finally {
      driver.quit();
    }
  }

  private static String fmt(Double minutes) {
    return minutes == Math.rint(minutes) ? Long.toString(minutes.longValue()) : Double.toString(minutes);
  }

  @Test
  void inTeamsModeASupervisorsTokenOpensItAndAnyoneElseGetsTheRefusalPage(@TempDir Path profile) throws Exception {
    ChromeDriver driver = browser(profile);
    try {
      String url = "http://127.0.0.1:" + teams.port() + Dashboard.PATH;
      // The token Teams SSO would give the page, on every request (the page is not inside Teams here).
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
          Map.of("Authorization", "Bearer " + idp.token("00000000-0000-0000-0000-00000000bbbb", "operatore@example.com"))));
      open(driver, url, "refused");
      assertEquals(DashboardAccess.RESERVED, driver.findElement(By.id("refusal-message")).getText());
      assertTrue(driver.findElement(By.id("refusal")).isDisplayed());
      assertFalse(driver.findElement(By.id("dashboard")).isDisplayed(), "no figure on the page");
      for (String e : severe(driver)) {
        assertTrue(e.contains("status of 403"), "only the refused requests: " + e);
      }
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "dashboard-refusal.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
          Map.of("Authorization", "Bearer " + idp.token(SUPERVISOR, "capo@example.com"))));
      open(driver, url, "true");
      LocalDate today = LocalDate.ofInstant(NOW, ROME);
      assertEquals(Long.toString(usage.searchOutcomes(today.minusDays(6).atStartOfDay(ROME).toInstant(),
          today.plusDays(1).atStartOfDay(ROME).toInstant()).searches()), driver.findElement(By.id("kpi-searches")).getText());
    } finally {
      driver.quit();
    }
  }
}
