package it.vademecum.engine;

import static it.vademecum.engine.Knowledge.TUESDAY_10;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import it.vademecum.match.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fifteen findings of the line-by-line review of dialogs/ against the notes (issue 14), one test each or more. */
class ReviewFindingsTest {

  /** Monday 30 November 2026, 10:00 in Rome. */
  private static final Instant MONDAY_10 = Knowledge.rome("2026-11-30T10:00");

  private static Topic topic(String id) {
    return Knowledge.engine().catalog().topic(id).orElseThrow();
  }

  /** Everything a node shows the agent as the notes' word (internal rules excluded). */
  private static String said(Node n) {
    List<String> parts = new ArrayList<>();
    if (n instanceof Question q) {
      parts.add(q.ask());
      parts.add(q.hint());
      q.choices().forEach(c -> parts.add(c.label()));
    } else if (n instanceof Step s) {
      parts.add(s.text());
      parts.addAll(s.notes());
      s.phrases().forEach(p -> parts.add(p.text()));
      if (s.escalateReason() != null) {
        parts.add(s.escalateReason());
      }
    }
    return String.join("\n", parts);
  }

  private static String said(String topicId) {
    return String.join("\n", topic(topicId).nodes().values().stream().map(ReviewFindingsTest::said).toList());
  }

  // 1. Working hours on the business calendar.

  @Test
  void transferMadeOnFridayIsWellUnder72WorkingHoursOnMondayAt10() {
    Reply r = Conversation.at(MONDAY_10).say("bonifico di 300 euro fatto venerdì e non ancora registrato");
    assertEquals(Reply.Kind.ANSWER, r.kind(), r.plainText());
    assertEquals("registra-bonifico", r.nodeId());
    assertTrue(r.answer().orElseThrow().escalationReason().isEmpty());
    assertTrue(r.notices().contains("Ore lavorative trascorse: tra 10 e 34."), r.notices().toString());
    assertTrue(r.notices().stream().anyMatch(n -> n.startsWith("Regola interna (") && n.contains("Un'ora lavorativa")),
        "the definition used is shown as an internal rule: " + r.notices());
  }

  @Test
  void transferMadeEightCalendarDaysAgoOnAWeekdayIsOver72WorkingHours() {
    Reply r = Conversation.at(TUESDAY_10).say("bonifico di 300 euro fatto 8 giorni fa non registrato");
    assertEquals("scala-tl", r.nodeId());
    assertTrue(r.answer().orElseThrow().escalationReason().isPresent());
  }

  @Test
  void asksWhenTheMessageGivesNoUsableDateAndReadsTheTypedDay() {
    Conversation c = Conversation.at(MONDAY_10);
    Reply q = c.say("bonifico di 300 euro non registrato");
    assertEquals(Reply.Kind.QUESTION, q.kind());
    assertEquals("ore", q.nodeId());
    assertEquals("registra-bonifico", c.say("venerdì").nodeId());
  }

  @Test
  void asksWhenFiveDaysAgoCouldBeEitherSideOf72WorkingHours() {
    // Thursday 26 November: 58 to 82 working hours before Tuesday 10:00, depending on the hour.
    Reply r = Conversation.at(TUESDAY_10).say("bonifico di 300 euro fatto 5 giorni fa non registrato");
    assertEquals(Reply.Kind.QUESTION, r.kind());
    assertEquals("ore", r.nodeId());
  }

  @Test
  void workingHourDefinitionIsInTheCalendarAndShownToTheAgentAsAnInternalRule() {
    String definition = Knowledge.engine().catalog().calendar().workingHourDefinition();
    assertTrue(definition.contains("24 ore") && definition.contains("festività"), definition);
    Reply q = Conversation.at(TUESDAY_10).say("bonifico di 300 euro non registrato");
    assertTrue(q.lines().stream().anyMatch(l -> l.startsWith("Regola interna (") && l.contains("Un'ora lavorativa")),
        q.lines().toString());
  }

  // 2. The 500 € rule and the 72-hour rule are independent.

  @Test
  void transferOver500EurosAndOver72WorkingHoursIsForwardedToBillingAndEscalated() {
    Reply r = Conversation.at(TUESDAY_10).say("bonifico di 800 euro fatto 8 giorni fa non registrato");
    assertEquals("billing-e-tl", r.nodeId());
    Answer a = r.answer().orElseThrow();
    assertEquals("pagamenti_billing_aruba", a.forward().orElseThrow());
    assertTrue(a.escalationReason().isPresent());
    assertEquals(Texts.ASK_TICKET, r.prompt());
  }

  @Test
  void transferOver500EurosStillAsksWhenItWasMade() {
    Reply r = Conversation.at(TUESDAY_10).say("bonifico di 800 euro non registrato");
    assertEquals("ore-oltre-500", r.nodeId());
    assertTrue(r.notices().stream().anyMatch(n -> n.contains("500 €") && n.endsWith("Sì")), r.notices().toString());
  }

  // 3. The bare word "aruba" does not answer which group holds the ticket.

  @Test
  void bareArubaInTheMessageDoesNotAnswerWhichGroupHoldsTheTicket() {
    Reply r = Conversation.at(TUESDAY_10).say("il cliente aruba chiama per sollecitare il ticket già aperto");
    assertEquals("ticket-sollecito", r.topicId());
    assertEquals(Reply.Kind.QUESTION, r.kind());
    assertEquals("gruppo", r.nodeId());
  }

  @Test
  void anExplicitArubaGroupMentionAnswersWhichGroupHoldsTheTicket() {
    Reply r = Conversation.at(TUESDAY_10).say("sollecito del cliente, il ticket è in carico ad aruba");
    assertEquals("conference", r.nodeId(), r.plainText());
  }

  // 4. Expiry age of the mailbox.

  @Test
  void mailboxExpiredTwoMonthsAgoIsNotCalledExpiredOver90Days() {
    Reply r = Conversation.at(TUESDAY_10).say("rinnovo pec scaduta da 2 mesi");
    assertEquals("entro-90", r.nodeId(), r.plainText());
    assertFalse(r.phrases().stream().anyMatch(p -> p.text().contains("più di 90")));
  }

  @Test
  void mailboxExpiredOneHundredDaysAgoGoesToTheCancelledStateCheck() {
    assertEquals("verifica-cancellata", Conversation.at(TUESDAY_10).say("rinnovo pec scaduta da 100 giorni").nodeId());
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:rinnovo-casella");
    c.click("Casella scaduta");
    assertEquals("verifica-cancellata", c.say("14 settimane").nodeId());
  }

  @Test
  void asksTheExpiryAgeWhenThreeMonthsCouldBeEitherSideOf90Days() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply r = c.say("rinnovo pec scaduta da 3 mesi");
    assertEquals("scadenza", r.nodeId());
    assertEquals("entro-90", c.say("80 giorni").nodeId());
  }

  @Test
  void asksTheExpiryAgeWhenTheMessageDoesNotSayIt() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:rinnovo-casella");
    Reply r = c.click("Casella scaduta");
    assertEquals("scadenza", r.nodeId());
    assertEquals("verifica-cancellata", c.say("5 mesi").nodeId());
  }

  // 5. Branches the notes imply.

  @Test
  void changeOfHolderHasABranchWhenNeitherPendingIdentityCheckNorIntraloginApplies() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:modifica-titolare");
    Reply r = c.click("Nessuno dei due");
    assertEquals("titolare-altro", r.nodeId());
    assertTrue(r.answer().orElseThrow().localLines().stream().anyMatch(l -> l.startsWith("Regola interna (")));
  }

  @Test
  void identityConfirmationInLavorazioneAsksForNoNewDocuments() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:conferma-identita");
    Reply r = c.click("In lavorazione");
    assertEquals("in-lavorazione", r.nodeId());
    assertTrue(r.phrases().isEmpty());
    assertTrue(r.answer().orElseThrow().step().contains("non chiedere nuovi documenti"));
  }

  // 6. The step never waits behind a placeholder.

  @Test
  void stepQueueAndNumberComeAtOnceOnlyThePhraseWaitsForTheAddress() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pec-partner");
    Reply r = c.click("@ingpec.eu");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertTrue(r.answer().orElseThrow().step().contains("0575050014"));
    assertEquals(Texts.COMPLETE_ADDRESS, r.prompt());
    assertTrue(r.phrases().get(0).text().contains("[indirizzo PEC del cliente]"));
    Reply filled = c.say("studio@ingpec.eu");
    assertTrue(filled.phrases().get(0).text().contains("studio@ingpec.eu"));
    assertEquals(null, filled.prompt());
  }

  // 7. – 12. Distorted or invented: the notes' words instead.

  @Test
  void taxCodeLineIsQuotedWithoutAnInventedPersonCategoryOrDate() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:conferma-identita");
    Reply docs = c.click("KO");
    assertTrue(docs.options().stream().noneMatch(o -> o.label().startsWith("Persona")), docs.options().toString());
    Reply r = c.click("cf: legale rappresentante");
    assertTrue(r.answer().orElseThrow().step().contains("«cf: legale rappresentante»"));
    assertFalse(r.plainText().contains("30 giorni"), r.plainText());
    assertFalse(said("conferma-identita").contains("codice fiscale del legale rappresentante"));
  }

  @Test
  void privacyRequestShowsBothQueuesOfTheNotesWithoutAnInventedChoice() {
    Reply r = Conversation.at(TUESDAY_10).press("t:privacy");
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertTrue(r.answer().orElseThrow().step().contains("«inoltrare: privacy_change / account_anagrafica_privacy»"));
    assertTrue(topic("privacy").nodes().values().stream().noneMatch(n -> n instanceof Question));
  }

  @Test
  void authAltaIsQuotedFromTheNotesNotDefined() {
    Reply r = Conversation.at(TUESDAY_10).press("t:diritto-di-recesso");
    assertTrue(r.lines().stream().anyMatch(l -> l.contains("«auth alta => scalo a tl, motivo altro»")), r.lines().toString());
    assertFalse(said("diritto-di-recesso").contains("che tu non puoi dare"));
  }

  @Test
  void usernameWithTwoFactorIsARenewalRuleNotALoginRule() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:area-clienti");
    Reply r = c.click("Rinnovare la casella con la 2FA attiva");
    assertTrue(r.answer().orElseThrow().step().contains("per rinnovare la casella si usa lo username"));
    assertFalse(said("area-clienti").contains("invece che con l'indirizzo PEC"));
  }

  @Test
  void blankPostalSlipSaysTheOrderNumberStandsInForAMissingCro() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Reply r = c.click("Bollettino bianco");
    assertTrue(r.answer().orElseThrow().step().contains("senza CRO vale il numero d'ordine"));
    assertTrue(r.answer().orElseThrow().step().contains("«cro (no cro => n.ordine n.ordine), n.ordine, importo»"));
  }

  @Test
  void phishingQuotesTheNotesAndDoesNotPresentRicontattoAsANumber() {
    Reply r = Conversation.at(TUESDAY_10).press("t:phishing");
    String step = r.answer().orElseThrow().step();
    assertTrue(step.contains("«comunicazioni aruba (@staff.aruba.it, 05750505/05ricontatto)»"), step);
    assertFalse(said("phishing").contains("ricontatto: 05ricontatto"));
    assertFalse(said("phishing").contains("le chiamate dal 05750505"));
  }

  // 13. Local additions marked or removed.

  @Test
  void statementsTheNotesDoNotMakeAreGoneOrMarkedAsInternalRules() {
    String[][] gone = {
        {"pausa", "120 minuti"}, {"pausa", "81/2008"},
        {"cambio-nome", "Non inoltrare prima della risposta"},
        {"area-clienti", "completare l'invio dei documenti"},
        {"modifica-contatti", "non vanno modificati"},
        {"assistenza-autenticata", "Per questa richiesta può rivolgersi"},
        {"assistenza-autenticata", "credenziali"},
        {"pagamento-non-registrato", "li registra il billing"},
        {"fatture", "manualmente dal cliente"},
        {"ricevute-pec", "integrità"}, {"ricevute-pec", "così come è stato spedito"},
        {"ricevute-pec", "dati di certificazione"},
        {"saluto-ticket", "14:00"}, {"saluto-chiamata", "14:00"},
    };
    for (String[] g : gone) {
      assertFalse(said(g[0]).contains(g[1]), g[0] + " still says «" + g[1] + "» as the notes' word");
    }
    Reply greeting = Conversation.at(TUESDAY_10).press("t:saluto-chiamata");
    assertTrue(greeting.answer().orElseThrow().localLines().stream()
        .anyMatch(l -> l.startsWith("Regola interna (") && l.contains("14:00")));
  }

  @Test
  void twoStepVerificationIsNoLongerReadAsTwoFactorAuthentication() {
    Ranking r = Knowledge.engine().matcher().rank("vuole i log, ho fatto la verifica in 2 passaggi");
    assertEquals(Ranking.Verdict.CONFIDENT, r.verdict(), r.toString());
    assertEquals("log-applicativi", r.best());
  }

  // 14. The ticket category of the payment notes.

  @Test
  void paymentRegistrationNamesTheTicketCategoryInserimentoDatiPagamento() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Reply r = c.click("Bollettino premarcato");
    assertTrue(r.answer().orElseThrow().notes().contains(
        "Categoria del ticket: pagamenti e fatture → inserimento dati pagamento."), r.plainText());
  }

  // 15. Customer phrases.

  @Test
  void customerPhrasesUseTheAgreedWordsGuillemetsAndNoArrows() {
    for (Topic t : Knowledge.engine().catalog().list()) {
      for (Node n : t.nodes().values()) {
        if (n instanceof Step s) {
          for (Step.PhraseTemplate p : s.phrases()) {
            String where = t.id() + "#" + n.id() + ": " + p.text();
            assertFalse(p.text().contains("sarà lavorata"), where);
            assertFalse(p.text().contains("dedicata al sito"), where);
            assertFalse(p.text().contains("→") || p.text().contains("=>"), where);
            assertFalse(p.text().contains("\""), where);
          }
        }
      }
    }
    assertTrue(said("correzione-dati").contains("non appena sarà gestita"));
    assertTrue(said("pec-partner").contains("troverà un'assistenza dedicata sul sito supportotitolari.aruba.it"));
    Step bianco = (Step) topic("pagamento-non-registrato").node("bianco");
    String cro = bianco.phrases().get(0).text();
    assertEquals(cro.indexOf("numero d'ordine"), cro.lastIndexOf("numero d'ordine"), cro);
  }
}
