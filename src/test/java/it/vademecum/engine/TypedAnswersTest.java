package it.vademecum.engine;

import static it.vademecum.engine.Knowledge.TUESDAY_10;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an agent types instead of clicking: the findings of a newcomer's session with the chat. */
class TypedAnswersTest {

  @Test
  void aPlainSiOrNoPicksTheOnlyChoiceWhoseLabelStartsWithIt() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply q = c.say("cli deve correggere dati anagrafici sbagliati");
    assertEquals(Reply.Kind.QUESTION, q.kind(), q.plainText());
    assertTrue(q.options().stream().anyMatch(o -> o.label().startsWith("Sì, ")), q.options().toString());
    assertTrue(q.options().stream().anyMatch(o -> o.label().startsWith("No, ")), q.options().toString());
    String asked = q.nodeId();
    Reply yes = c.say("sì");
    assertTrue(!yes.notices().contains(Texts.NOT_A_CHOICE) && !asked.equals(yes.nodeId()), yes.plainText());

    Conversation other = Conversation.at(TUESDAY_10);
    other.say("cli deve correggere dati anagrafici sbagliati");
    Reply no = other.say("no");
    assertTrue(!no.notices().contains(Texts.NOT_A_CHOICE) && !asked.equals(no.nodeId()), no.plainText());
    assertTrue(!yes.nodeId().equals(no.nodeId()), "sì and no lead apart: " + yes.nodeId());
  }

  @Test
  void aTransferDatedInTheFutureIsNotTakenAsOneOfAYearAgoAndNeverEscalated() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply first = c.say("cli ha fatto bonifico di 300 euro il 15/12 non registrato");
    assertEquals(Reply.Kind.QUESTION, first.kind(), first.plainText());
    assertEquals("ore", first.nodeId());
    assertTrue(first.notices().contains("La data «15/12» è nel futuro: non l'ho usata per contare il tempo trascorso."),
        first.notices().toString());

    Reply typed = c.say("15/12");
    assertEquals("ore", typed.nodeId(), "still asked: " + typed.plainText());
    assertTrue(typed.notices().stream().anyMatch(n -> n.startsWith("La data «15/12» è nel futuro: scrivi quando")),
        typed.notices().toString());
    assertTrue(typed.answer().isEmpty());
  }

  @Test
  void aDayTypedAsTheAnswerShowsTheWorkingHoursItWasReadAs() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.say("bonifico di 300 euro non registrato");
    Reply r = c.say("20/11");
    assertEquals("scala-tl", r.nodeId(), r.plainText());
    assertTrue(r.notices().stream().anyMatch(n -> n.startsWith("Ore lavorative trascorse: ")), r.notices().toString());
    // A button's number is not a fact: no hours are shown for it.
    Conversation byNumber = Conversation.at(TUESDAY_10);
    byNumber.say("bonifico di 300 euro non registrato");
    Reply n = byNumber.say("1");
    assertTrue(n.notices().stream().noneMatch(x -> x.startsWith("Ore lavorative trascorse")), n.notices().toString());
  }

  @Test
  void aPecAddressTypedAsTheAnswerToTheDomainQuestionAlsoFillsThePhrase() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply q = c.say("il cli non ha comprato la pec su pec.it, inoltro ko");
    assertEquals(Reply.Kind.QUESTION, q.kind(), q.plainText());
    Reply r = c.say("mario.rossi@ingpec.eu");
    assertTrue(r.phrases().stream().anyMatch(p -> p.text().contains("mario.rossi@ingpec.eu")), r.plainText());
    assertTrue(r.phrases().stream().noneMatch(p -> p.text().contains("[indirizzo PEC")), r.plainText());
    assertEquals(null, r.prompt(), "the address is not asked again: " + r.plainText());
  }

  @Test
  void theTicketPromptSaysThatSaltaCancelsTheEscalationAndItDoes() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply r = c.say("bonifico di 800 euro fatto 2 settimane fa");
    assertEquals(Texts.ASK_TICKET, r.prompt(), r.plainText());
    assertTrue(r.lines().contains(Texts.TICKET_WAYS_OUT), r.lines().toString());
    assertTrue(!r.lines().contains(Texts.PROMPT_WAYS_OUT), r.lines().toString());
    assertTrue(c.say("salta").notices().contains(Texts.ESCALATION_CANCELLED));
  }
}
