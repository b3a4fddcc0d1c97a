package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Topic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What agents paste and what a forged card sends, over HTTP through the real server. */
class HostileInputTest {

  private static final String FIRST = "Come ha pagato il cliente?";
  private BotUnderTest bot;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger("it.vademecum");

  @BeforeEach
  void start() throws Exception {
    bot = new BotUnderTest(null, null);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() throws Exception {
    root.detachAppender(logs);
    bot.close();
  }

  private String cardAfter(JsonNode activity) throws Exception {
    BotUnderTest.Answer a = bot.post(activity);
    assertEquals(200, a.status(), a.body());
    List<JsonNode> sent = bot.connector.sent();
    assertFalse(sent.isEmpty(), "a reply is sent");
    return Replies.text(Replies.card(sent.get(0)));
  }

  @Test
  void fortyThousandMentionTagsAreAnsweredWithinThreeSecondsAndLeaveNoWorkBehind() throws Exception {
    assertEquals(200, bot.post(bot.message("aiuto")).status(), "warm: classes loaded, connections open");
    BotUnderTest.Answer a = bot.post(bot.message("<at>".repeat(40_000) + " bonifico"));
    assertEquals(200, a.status(), a.body());
    assertTrue(a.millis() < 3000, "answered in " + a.millis() + " ms");
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long before = turnCpuNanos(threads);
    // Not a synchronisation: a window in which a runaway turn would show up as CPU time.
    Thread.sleep(300);
    long burnt = turnCpuNanos(threads) - before;
    System.out.println("40,000 x <at>: answered in " + a.millis() + " ms, turn threads' CPU in the 300 ms after: "
        + burnt / 1_000_000 + " ms");
    assertTrue(burnt < 50_000_000L, "turn threads used " + burnt / 1_000_000 + " ms of CPU after the answer");
  }

  private static long turnCpuNanos(java.lang.management.ThreadMXBean threads) {
    long total = 0;
    for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false)) {
      if (t.getThreadName().startsWith("vademecum-turn")) {
        total += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return total;
  }

  @Test
  void forgedButtonValuesChangeNothingAndSaySo() throws Exception {
    assertTrue(cardAfter(bot.message("pagamento non registrato")).contains(FIRST));
    Topic other = BotUnderTest.engine().catalog().list().stream()
        .filter(t -> !t.id().equals("pagamento-non-registrato"))
        .filter(t -> t.nodes().values().stream().anyMatch(n -> n instanceof Question)).findFirst().orElseThrow();
    String otherQuestion = other.nodes().values().stream().filter(n -> n instanceof Question).findFirst()
        .orElseThrow().id();
    Map<String, String> forged = Map.of(
        "c:pagamento-non-registrato:nope:0", "non è valido",
        "c:nope:metodo:0", "non è valido",
        "c:pagamento-non-registrato:metodo:99", "non è valido",
        "c:pagamento-non-registrato:metodo:-1", "non è valido",
        "t:nope", "non è valido",
        "c:" + other.id() + ":" + otherQuestion + ":0", "già superata",
        "c:pagamento-non-registrato:importo:0", "già superata",
        "k:rm -rf", "non è valido");
    for (Map.Entry<String, String> f : forged.entrySet()) {
      String card = cardAfter(bot.submit(f.getKey()));
      assertTrue(card.contains(f.getValue()), f.getKey() + " → " + card);
      assertTrue(card.contains(FIRST), "the question in course is shown again: " + card);
    }
    String next = cardAfter(bot.submit("c:pagamento-non-registrato:metodo:2"));
    assertTrue(next.contains("L'importo del bonifico supera 500 €?"), "state unchanged by the forgeries: " + next);
  }

  @Test
  void forgedValuesInActionExecuteAreRefusedTheSameWay() throws Exception {
    cardAfter(bot.message("pagamento non registrato"));
    BotUnderTest.Answer a = bot.post(bot.execute("c:pagamento-non-registrato:nope:7"));
    assertEquals(200, a.status(), a.body());
    String card = Replies.text(Replies.card(bot.connector.sent().get(0)));
    assertTrue(card.contains("non è valido") && card.contains(FIRST), card);
  }

  @Test
  void nastyTextsAreAnsweredAndNeverLogged() throws Exception {
    String secret = "zqxjkw";
    Map<String, String> texts = Map.of(
        "emoji", "😀🇮🇹👩‍💻 bonifico di 600 euro non registrato " + secret,
        "right-to-left", "\u202E\u200Fbonifico di 600 euro non registrato\u202C " + secret,
        "nul", "bonifico\u0000 di 600 euro\u0000 non registrato " + secret,
        "10,000 characters", (secret + " bonifico non registrato ").repeat(400).substring(0, 10_000),
        "spaces only", " ".repeat(500),
        "arabic and chinese", "تم الدفع ولكن 付款未登记 " + secret);
    for (Map.Entry<String, String> t : texts.entrySet()) {
      String card = cardAfter(bot.message(t.getValue()));
      if (t.getKey().equals("spaces only")) {
        assertTrue(card.contains("Il messaggio è vuoto"), card);
      } else if (!t.getKey().startsWith("arabic")) {
        assertTrue(card.contains("pagamenti_billing_aruba") || card.contains("Pagamento"), t.getKey() + ": " + card);
      }
      bot.post(bot.message("ricomincia"));
      bot.connector.drain();
    }
    for (ILoggingEvent e : logs.list) {
      assertFalse(e.getFormattedMessage().contains(secret), "message text in the log: " + e.getFormattedMessage());
    }
  }

  @Test
  void aNoteWithLinksMentionsAndHtmlReachesTheCardAsPlainText() throws Exception {
    String card = cardAfter(bot.message("bonifico di 300 euro non registrato da 8 giorni"));
    assertTrue(card.contains("numero del ticket"), card);
    cardAfter(bot.message("1234567"));
    String confirm = cardAfter(bot.message(
        "vedi [il modulo](https://evil.example/x) <at>Capo</at> <b>urgente</b>\n- lista\n# titolo"));
    // Mentions are taken out of what the agent typed; the rest is shown as typed, on one line.
    assertTrue(confirm.contains("Nota: vedi [il modulo] (https://evil.example/x)"), confirm);
    assertTrue(confirm.contains("‹b›urgente‹/b› - lista # titolo"), confirm);
    assertFalse(confirm.contains("Capo"), confirm);
    assertFalse(confirm.contains("](") || confirm.contains("<") || confirm.contains(">"), confirm);
  }

  @Test
  void namesThatAreNotNamesAreRefused() throws Exception {
    for (String name : List.of("nome [x](http://evil.example)", "nome <b>Capo</b>", "nome **Mario**", "nome 😀")) {
      String card = cardAfter(bot.message(name));
      assertTrue(card.contains("Non sembra un nome valido"), name + " → " + card);
    }
    assertEquals(null, Inputs.firstName("<at>Capo</at> Rossi"));
    assertEquals(null, Inputs.firstName("[Mario](http://evil.example)"));
    assertEquals("D'Amico", Inputs.firstName("D'Amico Anna"));
  }

  @Test
  void aTicketNumberIsValidatedBeforeItReachesACard() throws Exception {
    cardAfter(bot.message("bonifico di 300 euro non registrato da 8 giorni"));
    String card = cardAfter(bot.message("[123](http://evil.example)"));
    assertTrue(card.contains("numero del ticket"), "still asked for a valid ticket: " + card);
    assertFalse(card.contains("evil"), card);
  }
}
