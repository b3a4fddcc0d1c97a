package it.vademecum.engine;

import static it.vademecum.engine.Knowledge.TUESDAY_10;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.session.Session;
import org.junit.jupiter.api.Test;

/** Commands, typed answers, stale and forged buttons, and bad input. */
class EngineCommandsTest {

  @Test
  void indietroReturnsToThePreviousQuestionEvenWhenItWasPreAnswered() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply hours = c.say("bonifico di 200 euro non arrivato");
    assertEquals("ore", hours.nodeId());
    Reply back = c.say("indietro");
    assertEquals("importo", back.nodeId());
    Reply method = c.say("indietro");
    assertEquals("metodo", method.nodeId());
    Reply none = c.say("indietro");
    assertTrue(none.notices().contains(Texts.NOTHING_BEFORE));
    assertEquals("metodo", none.nodeId());
  }

  @Test
  void ricominciaClearsTheTopic() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Reply r = c.say("Ricomincia");
    assertEquals(Reply.Kind.INFO, r.kind());
    assertFalse(c.session().inTopic());
  }

  @Test
  void typedAnswersPickChoicesByNumberYesNoLabelOrKeyword() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    assertEquals("importo", c.say("3").nodeId());
    assertEquals("ore", c.say("no").nodeId());
    assertEquals("scala-tl", c.say("1").nodeId());

    Conversation d = Conversation.at(TUESDAY_10);
    d.press("t:pagamento-non-registrato");
    assertEquals("importo", d.say("bonifico").nodeId());
    assertEquals("ore-oltre-500", d.say("750 euro").nodeId());
    assertEquals("inoltra-billing", d.say("ieri").nodeId());
  }

  @Test
  void aTypedChoiceWithATypoStillPicksItsChoice() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    assertEquals("importo", c.say("bonfico").nodeId());

    Conversation d = Conversation.at(TUESDAY_10);
    d.press("t:pagamento-non-registrato");
    assertEquals("importo", d.say("ha fatto un bonificoo").nodeId());
  }

  @Test
  void aShortWordIsNotStretchedToAChoice() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Reply r = c.say("buco");
    assertEquals("metodo", r.nodeId());
    assertTrue(r.notices().contains(Texts.NOT_A_CHOICE));
  }

  @Test
  void anUnrelatedAnswerRepeatsTheQuestionWithANote() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Reply r = c.say("boh");
    assertEquals(Reply.Kind.QUESTION, r.kind());
    assertEquals("metodo", r.nodeId());
    assertTrue(r.notices().contains(Texts.NOT_A_CHOICE));
  }

  @Test
  void aClickOnAnOldCardChangesNothingAndShowsTheCurrentQuestion() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply first = c.press("t:pagamento-non-registrato");
    String bonifico = first.options().get(2).value();
    c.press(bonifico);
    Session before = c.session();
    Reply stale = c.press(first.options().get(0).value());
    assertTrue(stale.notices().contains(Texts.STALE_BUTTON));
    assertEquals("importo", stale.nodeId());
    assertEquals(before, c.session());
  }

  @Test
  void forgedButtonValuesChangeNothing() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Session before = c.session();
    for (String forged : new String[] {"c:pagamento-non-registrato:nessuno:0", "c:pausa:pausa-626:0",
        "c:pagamento-non-registrato:metodo:9", "t:inesistente", "k:formatta", "zzz", "", "c:::"}) {
      Reply r = c.press(forged);
      assertEquals(before, c.session(), forged);
      assertEquals(Reply.Kind.QUESTION, r.kind(), forged);
      assertFalse(r.notices().isEmpty(), forged);
    }
  }

  @Test
  void outOfDomainTextGetsNoTopicWithTheGroups() {
    Reply r = Conversation.at(TUESDAY_10).say("che tempo fa domani a Milano?");
    assertEquals(Reply.Kind.NOT_FOUND, r.kind());
    assertFalse(r.lines().isEmpty());
    assertTrue(r.search().isPresent());
  }

  @Test
  void emptyControlAndHugeTextsAreHandled() {
    Conversation c = Conversation.at(TUESDAY_10);
    assertTrue(c.say("   ").notices().contains(Texts.EMPTY_MESSAGE));
    assertTrue(c.say("\u0000\u200f").notices().contains(Texts.EMPTY_MESSAGE));
    Reply huge = c.say("password ".repeat(5_000));
    assertTrue(huge.kind() != null);
  }

  @Test
  void nameCommandSetsTheNameUsedInPhrases() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.say("nome giulia");
    Reply r = c.press("t:saluto-chiamata");
    assertTrue(r.phrases().get(0).text().contains("sono Giulia"), r.phrases().toString());
  }

  @Test
  void givesThePhraseWithABlankAndAsksTheAgentNameWhenTheChannelDoesNotKnowIt() {
    Engine engine = Knowledge.engine();
    Turn t = engine.handle(Session.EMPTY, Input.button("t:saluto-ticket"), new TurnContext(TUESDAY_10, null, false));
    assertEquals(Reply.Kind.ANSWER, t.reply().kind());
    assertEquals(Texts.COMPLETE_NAME, t.reply().prompt());
    assertTrue(t.reply().phrases().get(0).text().contains("sono " + Phrases.BLANK_NAME), t.reply().phrases().toString());
    Turn named = engine.handle(t.session(), Input.text("luca"), new TurnContext(TUESDAY_10, null, false));
    assertTrue(named.reply().phrases().get(0).text().contains("sono Luca"));
  }

  @Test
  void anExpiredSessionIsAnnounced() {
    Turn t = Knowledge.engine().handle(Session.EMPTY, Input.text("aiuto"), new TurnContext(TUESDAY_10, "Mario", true));
    assertTrue(t.reply().notices().contains(Texts.SESSION_EXPIRED));
  }

  @Test
  void aSessionOnANodeThatNoLongerExistsRestartsCleanly() {
    Session ghost = Session.started("Mario", "pagamento-non-registrato", "nodo-rimosso", Session.EMPTY.facts(),
        java.util.Map.of()).at("nodo-rimosso", true, null);
    Turn t = Knowledge.engine().handle(ghost, Input.text("1"), new TurnContext(TUESDAY_10, "Mario", false));
    assertTrue(t.reply().notices().contains(Texts.TOPIC_CHANGED));
  }

  @Test
  void orariSaysWhetherTheSecondLevelIsOpenAndWhenItNextChanges() {
    Reply open = Conversation.at(TUESDAY_10).say("orari");
    assertEquals("Il secondo livello è aperto ora: chiude alle 12:45.", open.prompt());
    Reply christmasEve = Conversation.at(Knowledge.rome("2026-12-24T18:00")).say("orari");
    assertEquals("Il secondo livello è chiuso ora: riapre lunedì 28 dicembre alle 8:30.", christmasEve.prompt());
    Reply christmas = Conversation.at(Knowledge.CHRISTMAS_10).say("orari");
    assertTrue(christmas.prompt().contains("oggi è festa: Natale"), christmas.prompt());
    assertTrue(open.lines().get(0).contains("da lunedì a venerdì, 8:30–12:45 e 14:30–17:30"), open.lines().toString());
  }

  @Test
  void casiTlListsTheThreeCasesTheNotesSendToATeamLeadWithAButtonToOpenEach() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply r = c.say("Quando devo scalare al TL?");
    assertEquals(Reply.Kind.INFO, r.kind(), r.plainText());
    assertEquals(Texts.TL_CASES, r.prompt());
    // The notes: line 169 (auth alta), line 119 (72 working hours), line 32 (billing_aruba, a TL on Teams).
    assertEquals(3, r.lines().size(), r.lines().toString());
    assertTrue(r.lines().get(0).startsWith("Diritto di recesso e rimborso — ") && r.lines().get(0).contains("auth alta"),
        r.lines().get(0));
    assertTrue(r.lines().get(1).startsWith("Pagamento con bollettino o bonifico non registrato — ")
        && r.lines().get(1).endsWith("→ Più di 72 ore lavorative fa"), r.lines().get(1));
    assertTrue(r.lines().get(2).endsWith("→ billing_aruba"), r.lines().get(2));
    assertEquals(java.util.List.of("t:diritto-di-recesso", "t:pagamento-non-registrato", "t:ticket-sollecito"),
        r.options().stream().map(Option::value).toList());
    assertEquals(r.lines(), Conversation.at(TUESDAY_10).say("casi TL").lines());
    // Each button opens its topic.
    assertEquals("diritto-di-recesso", c.press("t:diritto-di-recesso").topicId());
  }

  @Test
  void aSentenceAskingTheSecondLevelsHoursGetsTheHoursNotATicketTopic() {
    for (String asked : java.util.List.of("a che ora rispondono quelli del secondo livello?",
        "orari del 2° livello", "il secondo livello è aperto adesso?", "quando apre il secondo livello")) {
      Reply r = Conversation.at(TUESDAY_10).say(asked);
      assertEquals("Il secondo livello è aperto ora: chiude alle 12:45.", r.prompt(), asked);
    }
    for (String aCase : java.util.List.of("il ticket è aperto al secondo livello da 3 giorni",
        "mi chiama una ditta per una pratica del secondo livello, ma siamo fuori orario: che faccio?",
        "il cliente sollecita il secondo livello, che orari hanno?")) {
      Reply r = Conversation.at(TUESDAY_10).say(aCase);
      assertEquals("ticket-sollecito", r.topicId(), "a case that mentions the hours is still a case: " + aCase);
    }
  }

  @Test
  void saltaAtTheNamePromptLeavesAVisibleGapInThePhrase() {
    Conversation c = new Conversation(Knowledge.engine(), null, TUESDAY_10);
    Reply ask = c.press("t:saluto-chiamata");
    assertEquals(Reply.Kind.ANSWER, ask.kind(), "the step at once, the name asked under it");
    assertEquals(Texts.COMPLETE_NAME, ask.prompt());
    Reply done = c.say("salta");
    assertEquals(Reply.Kind.ANSWER, done.kind());
    assertTrue(done.phrases().get(0).text().contains("[il tuo nome]"), done.phrases().toString());
    assertTrue(done.notices().contains(Texts.SKIPPED_VALUE));
    assertEquals(null, c.session().agentName(), "the gap is not taken for the agent's name");
  }

  @Test
  void saltaWithNothingAskedSaysSoAndChangesNothing() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Reply r = c.say("salta");
    assertTrue(r.notices().contains(Texts.NOTHING_TO_SKIP));
    assertEquals("metodo", r.nodeId());
  }

  @Test
  void saltaAtTheTicketPromptDropsTheEscalationAndKeepsTheStep() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    c.say("bonifico");
    c.say("no");
    assertEquals(Texts.ASK_TICKET, c.say("10 giorni fa").prompt());
    Reply r = c.say("salta");
    assertTrue(r.notices().contains(Texts.ESCALATION_CANCELLED));
    assertEquals(null, c.session().draft());
  }

  @Test
  void aTopicMenuEndsWithNoneOfTheseWhichListsEveryGroup() {
    Conversation c = Conversation.at(TUESDAY_10);
    Reply menu = c.say("fattura pagamento");
    assertEquals(Reply.Kind.SUGGESTIONS, menu.kind());
    assertEquals(Texts.NONE_OF_THESE, menu.options().get(menu.options().size() - 1).label());
    Reply all = c.click(Texts.NONE_OF_THESE);
    assertEquals(Groups.names().size(), all.sections().size());
    assertEquals(new Reply.Settled(Texts.PICK_TOPIC, Texts.NONE_OF_THESE), all.settled().orElseThrow());
    assertEquals(null, c.session().query(), "the undecided search is forgotten");
  }

  @Test
  void aClickedChoiceSettlesItsQuestionAndAStaleOneSaysItWasPassed() {
    Conversation c = Conversation.at(TUESDAY_10);
    c.press("t:pagamento-non-registrato");
    Reply next = c.press("c:pagamento-non-registrato:metodo:2");
    assertEquals(new Reply.Settled("Come ha pagato il cliente?", "Bonifico"), next.settled().orElseThrow());
    Reply stale = c.press("c:pagamento-non-registrato:metodo:1");
    assertTrue(stale.settled().orElseThrow().stale());
    assertEquals("importo", stale.nodeId());
  }
}
