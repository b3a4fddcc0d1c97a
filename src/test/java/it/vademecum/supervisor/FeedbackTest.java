package it.vademecum.supervisor;

import static it.vademecum.supervisor.Desk.ANNA;
import static it.vademecum.supervisor.Desk.MARIO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.usage.UsageLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 👍/👎 on every answer, the optional reason after a 👎, and forged values refused. */
class FeedbackTest {

  private static final String TOPIC = "pagamento-non-registrato";
  private static final String UP = "f:up:" + TOPIC + ":inoltra-billing";
  private static final String DOWN = "f:down:" + TOPIC + ":inoltra-billing";

  @TempDir
  Path tmp;

  private Desk desk;

  @BeforeEach
  void open() throws InvalidCatalogException {
    desk = new Desk(tmp, Knowledge.TUESDAY_10);
  }

  @AfterEach
  void close() {
    desk.close();
  }

  private List<UsageLog.FeedbackCount> counts() {
    return desk.usage.feedback(Instant.EPOCH);
  }

  @Test
  void everyAnswerCarriesThumbsAndQuestionsDoNot() {
    Reply answer = desk.say(MARIO, "bonifico di 600 euro fatto ieri non registrato");
    int n = answer.options().size();
    assertEquals(List.of(new Option("👍 Utile", UP), new Option("👎 Non utile", DOWN)),
        answer.options().subList(n - 2, n));
    Reply table = desk.say(MARIO, "fine turno");
    assertEquals("f:up:fine-turno:tabella", table.options().get(0).value());
    Reply question = desk.say(MARIO, "pagamento non registrato");
    assertTrue(question.options().stream().noneMatch(o -> o.value().startsWith("f:")));
  }

  @Test
  void aThumbUpIsStoredOnce() {
    assertEquals(Feedback.THANKS_UP, desk.press(MARIO, UP).prompt());
    assertEquals(Feedback.ALREADY, desk.press(MARIO, UP).prompt());
    assertEquals(List.of(new UsageLog.FeedbackCount(TOPIC, "inoltra-billing", 1, 0)), counts());
  }

  @Test
  void aThumbDownAsksForAReasonAndStoresItRedacted() {
    Reply ask = desk.press(MARIO, DOWN);
    assertEquals(Feedback.ASK_REASON, ask.prompt());
    assertEquals(List.of(new Option("Nessun motivo", "f:skip")), ask.options());
    assertTrue(counts().isEmpty(), "stored with its reason, when it comes");
    Reply thanks = desk.say(MARIO, "la coda è sbagliata, il cliente mario.rossi@example.com è stato rimbalzato");
    assertEquals(Feedback.THANKS_REASON, thanks.prompt());
    assertEquals(List.of(new UsageLog.FeedbackCount(TOPIC, "inoltra-billing", 0, 1)), counts());
    String reason = desk.usage.feedbackReasons(Instant.EPOCH, 10).get(0).reason();
    assertTrue(reason.startsWith("la coda è sbagliata"), reason);
    assertFalse(reason.contains("mario.rossi@example.com"), reason);
    Reply next = desk.say(MARIO, "bonifico di 600 euro fatto ieri non registrato");
    assertEquals(Reply.Kind.ANSWER, next.kind(), "the message after the reason is a normal one");
  }

  @Test
  void noOrTheButtonMeansNoReason() {
    desk.press(MARIO, DOWN);
    assertEquals(Feedback.THANKS_NO_REASON, desk.say(MARIO, "No.").prompt());
    desk.press(ANNA, DOWN);
    assertEquals(Feedback.THANKS_NO_REASON, desk.press(ANNA, "f:skip").prompt());
    assertEquals(List.of(new UsageLog.FeedbackCount(TOPIC, "inoltra-billing", 0, 2)), counts());
    assertTrue(desk.usage.feedbackReasons(Instant.EPOCH, 10).isEmpty());
  }

  @Test
  void anotherButtonAfterAThumbDownStoresItWithoutReasonAndGoesOn() {
    desk.press(MARIO, DOWN);
    Reply r = desk.press(MARIO, "t:pausa");
    assertEquals("pausa-626", r.nodeId(), "the button does what it does");
    assertEquals(List.of(new UsageLog.FeedbackCount(TOPIC, "inoltra-billing", 0, 1)), counts());
  }

  @Test
  void aReasonThatNeverComesIsStoredWithoutOneAfterTenMinutes() {
    desk.press(MARIO, DOWN);
    desk.clock.advance(Duration.ofMinutes(9));
    desk.feedback.expire();
    assertTrue(counts().isEmpty());
    desk.clock.advance(Duration.ofMinutes(2));
    desk.feedback.expire();
    assertEquals(List.of(new UsageLog.FeedbackCount(TOPIC, "inoltra-billing", 0, 1)), counts());
    Reply next = desk.say(MARIO, "pausa");
    assertEquals("pausa-626", next.nodeId(), "the next message is no longer taken as a reason");
  }

  @Test
  void forgedValuesAreRefusedPolitely() {
    for (String forged : List.of("f:up:inesistente:x", "f:up:" + TOPIC + ":metodo", "f:up:" + TOPIC + ":nessuno",
        "f:meh:pausa:pausa-626", "f:up", "f:", "f:skip", "f:down:pausa:pausa-626:extra")) {
      Reply r = desk.press(MARIO, forged);
      assertEquals(Feedback.UNKNOWN, r.prompt(), forged);
      assertTrue(r.options().isEmpty(), forged);
    }
    assertTrue(counts().isEmpty());
    assertEquals("pausa-626", desk.say(MARIO, "pausa").nodeId(), "no reason is pending after a forged 👎");
  }
}
