package it.vademecum.engine;

import static it.vademecum.engine.Knowledge.CHRISTMAS_10;
import static it.vademecum.engine.Knowledge.SATURDAY_10;
import static it.vademecum.engine.Knowledge.TUESDAY_10;
import static it.vademecum.engine.Knowledge.TUESDAY_13;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The seed's decisions, by name, walked through the real engine and dialogs/. */
class SeedDecisionsTest {

  @Test
  void forwardsTransferOver500EuroMadeYesterdayToBillingWithoutAskingAnything() {
    Reply r = Conversation.at(TUESDAY_10).say("bonifico di 600 euro fatto ieri non registrato");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertEquals("inoltra-billing", r.nodeId());
    assertEquals("pagamenti_billing_aruba", r.answer().orElseThrow().forward().orElseThrow());
    assertTrue(r.notices().stream().anyMatch(n -> n.contains("500 €") && n.endsWith("Sì")), r.notices().toString());
  }

  @Test
  void escalatesWhenTransferIsOlderThan72WorkingHours() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    c.click("Bonifico");
    c.click("No");
    Reply r = c.click("Più di 72 ore lavorative");
    assertEquals("scala-tl", r.nodeId());
    assertTrue(r.answer().orElseThrow().escalationReason().isPresent());
  }

  @Test
  void escalatesAnEightDayOldTransferOf300EuroFromTheFirstMessage() {
    Reply r = Conversation.at(TUESDAY_10).say("il cliente ha fatto un bonifico di 300 € 8 giorni fa e non risulta pagato");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertTrue(r.answer().orElseThrow().escalationReason().isPresent());
  }

  static Object[][] arubaTicket() {
    return new Object[][] {
        {TUESDAY_10, "conference"},
        {TUESDAY_13, "sollecito-fuori-orario"},
        {SATURDAY_10, "sollecito-fuori-orario"},
        {CHRISTMAS_10, "sollecito-fuori-orario"},
    };
  }

  @ParameterizedTest
  @MethodSource("arubaTicket")
  void ticketHeldByArubaDependsOnSecondLevelHoursWithoutAskingTheAgent(Instant at, String expectedNode) {
    Conversation c = Conversation.at(at);
    Reply first = c.press("t:ticket-sollecito");
    assertEquals(Reply.Kind.QUESTION, first.kind());
    Reply r = c.click("aruba");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertEquals(expectedNode, r.nodeId());
    if (expectedNode.equals("conference")) {
      assertTrue(r.answer().orElseThrow().step().contains("conference"));
      assertTrue(r.answer().orElseThrow().step().contains("trasferisci"));
    } else {
      assertTrue(r.answer().orElseThrow().step().contains("sollecito"));
    }
  }

  @Test
  void billingArubaTicketIsSentToATeamLead() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:ticket-sollecito");
    Reply r = c.click("billing_aruba");
    assertTrue(r.answer().orElseThrow().escalationReason().isPresent());
  }

  @Test
  void foreignResidenceWithOtherServicesGoesToAccountAnagraficaCambioDati() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:correzione-dati");
    c.click("No");
    Reply r = c.click("Anche altri servizi");
    assertEquals("account_anagrafica_cambio_dati", r.answer().orElseThrow().forward().orElseThrow());
  }

  @Test
  void foreignResidenceWithOnlyPecGoesToPecChangeAruba() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:correzione-dati");
    c.click("No");
    Reply r = c.click("Solo servizio PEC");
    assertEquals("pec_change_aruba", r.answer().orElseThrow().forward().orElseThrow());
  }

  @Test
  void ingpecDomainGivesItsDedicatedNumberAndFillsTheAddressInThePhrase() {
    Reply r = Conversation.at(TUESDAY_10).say("la pec mario.rossi@ingpec.eu non è stata comprata su pec.it, partner");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertTrue(r.plainText().contains("0575050014"));
    assertTrue(r.phrases().get(0).text().contains("mario.rossi@ingpec.eu"));
  }

  @Test
  void givesThePartnerStepAtOnceAndCompletesThePhraseWhenTheAddressComes() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pec-partner");
    Reply ask = c.click("@archiworldpec.it");
    assertEquals(Reply.Kind.ANSWER, ask.kind());
    assertTrue(ask.plainText().contains("0575050013"), ask.plainText());
    assertTrue(ask.phrases().get(0).text().contains(Phrases.BLANK_ADDRESS), ask.phrases().toString());
    Reply bad = c.say("non lo so");
    assertEquals(Reply.Kind.ASK_VALUE, bad.kind());
    Reply r = c.say("studio.bianchi@archiworldpec.it");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertTrue(r.plainText().contains("0575050013"));
    assertTrue(r.phrases().get(0).text().contains("studio.bianchi@archiworldpec.it"));
  }

  @Test
  void shiftEndNeverReleasesMancataAccettazione() {
    Reply r = Conversation.at(TUESDAY_10).say("a fine turno posso rilasciare i ticket in mancata accettazione?");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertEquals("mai-rilasciare", r.nodeId());
    assertTrue(r.answer().orElseThrow().step().toLowerCase().contains("mai"));
  }

  @Test
  void callGreetingSaysBuongiornoInTheMorningAndBuonaseraAfterTwo() {
    Reply morning = Conversation.at(TUESDAY_10).press("t:saluto-chiamata");
    assertTrue(morning.phrases().get(0).text().startsWith("Buongiorno, sono Mario"), morning.phrases().toString());
    Reply evening = Conversation.at(Knowledge.rome("2026-12-01T14:00")).press("t:saluto-chiamata");
    assertTrue(evening.phrases().get(0).text().startsWith("Buonasera, sono Mario"), evening.phrases().toString());
  }
}
