package it.vademecum.engine;

import static it.vademecum.engine.Knowledge.TUESDAY_10;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** At a step that needs a TL the engine collects ticket and note, then hands over a request. */
class EscalationFlowTest {

  private static Conversation atEscalatingStep() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply r = c.say("bonifico di 200 euro fatto 6 giorni fa e non ancora registrato");
    assertEquals("scala-tl", r.nodeId());
    assertEquals(Texts.ASK_TICKET, r.prompt());
    return c;
  }

  @Test
  void collectsTicketAndNoteThenHandsOverTheConfirmedRequest() {
    Conversation c = atEscalatingStep();
    Reply note = c.say("ticket n. 4567890");
    assertEquals(Reply.Kind.ASK_VALUE, note.kind());
    assertEquals(Texts.ASK_NOTE, note.prompt());
    Reply summary = c.say("il cliente ha la contabile");
    assertEquals(Reply.Kind.CONFIRM, summary.kind());
    assertTrue(summary.lines().contains("Ticket: 4567890"), summary.lines().toString());
    assertTrue(summary.lines().contains("Nota: il cliente ha la contabile"));
    Reply sent = c.click("Invia al TL");
    EscalationRequest req = sent.escalation().orElseThrow();
    assertEquals("pagamento-non-registrato", req.topicId());
    assertEquals("4567890", req.ticket());
    assertEquals("il cliente ha la contabile", req.note());
    assertEquals(List.of("Come ha pagato il cliente? → Bonifico", "L'importo del bonifico supera 500 €? → No",
        "Quando è stato fatto il bonifico? → Più di 72 ore lavorative fa"), req.answers());
    assertFalse(c.session().pending());
  }

  @Test
  void theFormSendsTicketAndNoteInOneClick() {
    Conversation c = atEscalatingStep();
    Reply step = c.submit("x", java.util.Map.of()); // a stale button first: the form is still there
    assertTrue(step.options().stream().anyMatch(o -> o.value().equals(EscalationForm.FORM)), step.options().toString());
    Reply sent = c.submit(EscalationForm.FORM, java.util.Map.of(EscalationForm.TICKET, " #4567890 ",
        EscalationForm.NOTE, "il cliente ha la contabile"));
    EscalationRequest req = sent.escalation().orElseThrow();
    assertEquals(Reply.Kind.INFO, sent.kind());
    assertEquals("4567890", req.ticket());
    assertEquals("il cliente ha la contabile", req.note());
    assertFalse(c.session().pending());
    Reply again = c.submit(EscalationForm.FORM, java.util.Map.of(EscalationForm.TICKET, "4567890"));
    assertTrue(again.escalation().isEmpty(), "a second click on the same form sends nothing");
  }

  @Test
  void theFormWithABadTicketNumberIsShownAgainAndSendsNothing() {
    Conversation c = atEscalatingStep();
    Reply r = c.submit(EscalationForm.FORM, java.util.Map.of(EscalationForm.TICKET, "boh", EscalationForm.NOTE, "x"));
    assertTrue(r.escalation().isEmpty());
    assertTrue(r.notices().contains(Texts.BAD_TICKET), r.notices().toString());
    assertTrue(r.options().stream().anyMatch(o -> o.value().equals(EscalationForm.FORM)), r.options().toString());
    assertTrue(c.session().pending());
  }

  @Test
  void theConfirmReplyCarriesTheDraftForItsPreview() {
    Conversation c = atEscalatingStep();
    c.say("4567890");
    Reply summary = c.say("scrivere a mario.rossi@example.com");
    assertEquals(Reply.Kind.CONFIRM, summary.kind());
    assertEquals("scrivere a mario.rossi@example.com", summary.escalation().orElseThrow().note());
  }

  @Test
  void rejectsAnInvalidTicketNumberAndAsksAgain() {
    Conversation c = atEscalatingStep();
    Reply r = c.say("boh");
    assertTrue(r.notices().contains(Texts.BAD_TICKET));
    assertEquals(Texts.ASK_TICKET, r.prompt());
  }

  @Test
  void aSecondSendOfTheSameSummaryIsStale() {
    Conversation c = atEscalatingStep();
    c.say("#1234567");
    Reply summary = c.click("Nessuna nota");
    String send = summary.options().get(0).value();
    assertTrue(c.press(send).escalation().isPresent());
    Reply again = c.press(send);
    assertTrue(again.escalation().isEmpty());
    assertTrue(again.notices().contains(Texts.NO_ESCALATION), again.notices().toString());
  }

  @Test
  void cancelSendsNothingAndCanStartAgain() {
    Conversation c = atEscalatingStep();
    Reply cancelled = c.click("Annulla segnalazione");
    assertTrue(cancelled.notices().contains(Texts.ESCALATION_CANCELLED));
    assertTrue(cancelled.escalation().isEmpty());
    Reply again = c.click("Prepara di nuovo");
    assertEquals(Texts.ASK_TICKET, again.prompt());
  }

  @Test
  void aNewQuestionLeavesTheDraftForTheNewTopic() {
    Conversation c = atEscalatingStep();
    Reply r = c.say("il cliente non ricorda la password della webmail");
    assertEquals("recupero-password", r.topicId());
  }
}
