package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an agent gets per turn, through the real server with a fake Teams connector: one new
 * message per turn, the clicked question card settled in place (by the invoke response of its
 * Action.Execute, or by updateActivity for a typed answer and an older card's Action.Submit), the
 * phrases in copy blocks.
 */
class AgentTurnsTest {

  private BotUnderTest bot;
  /** The last card the bot posted, as the connector knows it, and its content. */
  private String cardId;
  private JsonNode card;

  @BeforeEach
  void start() throws Exception {
    bot = new BotUnderTest(false);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  /**
   * What one turn made the bot do: the messages it posted, the cards it updated, and the HTTP
   * answer to the activity (an invoke response for an Action.Execute click).
   */
  private record Turn(List<FakeConnector.Call> posted, List<FakeConnector.Call> updated, JsonNode response) {}

  private Turn turn(ObjectNode activity) throws Exception {
    BotUnderTest.Answer a = bot.post(activity);
    assertEquals(200, a.status(), a.body());
    List<FakeConnector.Call> calls = bot.connector.drain();
    List<FakeConnector.Call> posted = FakeConnector.posts(calls);
    Turn t = new Turn(posted, FakeConnector.updates(calls), a.body().isEmpty() ? null : a.json());
    if (!posted.isEmpty() && Replies.isCard(posted.get(0).body())) {
      cardId = posted.get(0).id();
      card = Replies.card(posted.get(0).body());
    }
    return t;
  }

  private Turn type(String text) throws Exception {
    return turn(bot.message(text));
  }

  /** A click on the button or choice titled {@code title} of the last card, as Teams sends it. */
  private Turn click(String title) throws Exception {
    return click(card, cardId, title);
  }

  private Turn click(JsonNode on, String onId, String title) throws Exception {
    String value = Replies.buttons(on).get(title);
    assertNotNull(value, "no «" + title + "» on " + Replies.buttons(on).keySet());
    boolean execute = "Action.Execute".equals(Replies.actionTypes(on).get(title));
    return turn(execute ? bot.execute(value, onId) : bot.submit(value, onId));
  }

  private static void oneCard(Turn t, String expected) {
    assertEquals(1, t.posted().size(), "one message per turn: " + t.posted());
    JsonNode c = Replies.card(t.posted().get(0).body());
    assertTrue(Replies.text(c).contains(expected), "«" + expected + "» not in " + c);
  }

  /**
   * The clicked card as the invoke response settled it, after checking that no connector call
   * updated a card: the click cost one call, the answer.
   */
  private static JsonNode settledByResponse(Turn t) {
    assertEquals(List.of(), t.updated(), "settled by the invoke response, not by a second call");
    assertNotNull(t.response(), "an invoke response");
    assertEquals(Cards.CONTENT_TYPE, t.response().path("type").asText(), t.response().toString());
    return t.response().path("value");
  }

  /** The one card this turn updated, after checking it is the card known by {@code id}. */
  private static JsonNode settledCard(Turn t, String id) {
    assertEquals(1, t.updated().size(), "one card updated: " + t.updated());
    assertTrue(t.updated().get(0).path().endsWith("/activities/" + id), t.updated().get(0).path());
    return Replies.card(t.updated().get(0).body());
  }

  @Test
  void everyTurnOfALongConversationIsAnsweredWithExactlyOneMessage() throws Exception {
    oneCard(type("pagamento non registrato"), "Come ha pagato il cliente?");
    String firstQuestion = cardId;
    JsonNode firstCard = card;
    oneCard(click("Bonifico"), "L'importo del bonifico supera 500 €?");
    oneCard(click("Indietro"), "Come ha pagato il cliente?");
    oneCard(click("Bonifico"), "L'importo del bonifico supera 500 €?");
    oneCard(click("No"), "Quando è stato fatto il bonifico?");
    oneCard(click("Più di 72 ore lavorative fa"), EscalationFormCard.TITLE);
    oneCard(type("ticket 4815162"), "Vuoi aggiungere una nota per il TL?");
    oneCard(type("salta"), "Ecco la segnalazione per il TL: la invio?");
    oneCard(click("Annulla segnalazione"), "Segnalazione annullata");
    oneCard(type("argomenti"), "Gli argomenti che conosco");
    oneCard(click("Saluto quando rispondi a una chiamata"), "Frase per il cliente");
    oneCard(type("ricomincia"), "Ricominciamo da capo");
    oneCard(type("la pec è @archiworldpec.it non acquistata su pec.it"), "Nella frase manca l'indirizzo PEC del cliente");
    oneCard(type("mario.rossi@archiworldpec.it"), "mario.rossi@archiworldpec.it");
    oneCard(type("la pec è @archiworldpec.it non acquistata su pec.it"), "Nella frase manca l'indirizzo PEC del cliente");
    oneCard(click("Salta"), "[indirizzo PEC del cliente]");
    oneCard(type("fattura pagamento"), "quale di questi?");
    oneCard(click("Nessuno di questi"), "ecco tutti gli argomenti per gruppo");
    oneCard(type("ricetta della carbonara con guanciale"), "Non ho trovato un argomento");
    oneCard(type("aiuto"), "Ecco cosa posso fare per te.");
    oneCard(type("orari"), "secondo livello");
    oneCard(type("pagamento non registrato"), "Come ha pagato il cliente?");
    oneCard(type("bonifico"), "L'importo del bonifico supera 500 €?");
    // A click on the very first card, whose question is behind the current one: already passed.
    Turn stale = click(firstCard, firstQuestion, "Bollettino bianco");
    oneCard(stale, "già superata");
    oneCard(stale, "L'importo del bonifico supera 500 €?");
    oneCard(click("Sì"), "Quando è stato fatto il bonifico?");
    oneCard(click("Entro 72 ore lavorative"), "Coda: pagamenti_billing_aruba");
  }

  @Test
  void aClickedChoiceIsSettledInPlaceByTheInvokeResponseWithOneConnectorCallInAll() throws Exception {
    type("pagamento non registrato");
    Turn t = click("Bonifico");
    oneCard(t, "L'importo del bonifico supera 500 €?");
    JsonNode settled = settledByResponse(t);
    assertEquals("Come ha pagato il cliente?\nRisposta: Bonifico\n", Replies.text(settled));
    assertEquals(Map.of(), Replies.buttons(settled), "its buttons are gone");
    assertFalse(t.posted().get(0).body().toString().contains("Risposta: Bonifico"),
        "the answer is the new message, the choice stays on the old card");
  }

  @Test
  void aClickOnAnAlreadyPassedCardSettlesItAsPassedAndRepeatsTheCurrentQuestion() throws Exception {
    type("pagamento non registrato");
    String first = cardId;
    JsonNode firstCard = card;
    type("bonifico");
    Turn t = click(firstCard, first, "Bollettino bianco");
    oneCard(t, "L'importo del bonifico supera 500 €?");
    JsonNode passed = settledByResponse(t);
    assertTrue(Replies.text(passed).contains("già superata"), Replies.text(passed));
    assertFalse(Replies.text(passed).contains("Bollettino bianco"), "what was not chosen is not shown as chosen");
    assertEquals(Map.of(), Replies.buttons(passed));
  }

  @Test
  void anActionSubmitChoiceOfACardSentBeforeUniversalActionsIsStillSettledWithAnUpdate() throws Exception {
    type("pagamento non registrato");
    String question = cardId;
    Turn t = turn(bot.submit(Replies.buttons(card).get("Bonifico"), question));
    oneCard(t, "L'importo del bonifico supera 500 €?");
    assertEquals("Come ha pagato il cliente?\nRisposta: Bonifico\n", Replies.text(settledCard(t, question)));
  }

  @Test
  void aPickFromATopicMenuSettlesTheMenu() throws Exception {
    type("fattura pagamento");
    Turn t = click("Nessuno di questi");
    assertTrue(Replies.text(settledByResponse(t)).contains("Risposta: Nessuno di questi"));
  }

  @Test
  void anExecuteClickTheEngineDoesNotKnowLeavesTheCardAsItIs() throws Exception {
    type("pagamento non registrato");
    Turn t = turn(bot.execute("c:nessun-argomento:q:9", cardId));
    oneCard(t, "non è valido");
    assertEquals(List.of(), t.updated());
    assertEquals("application/vnd.microsoft.activity.message", t.response().path("type").asText(),
        "a short message, not a replacement of the card");
  }

  @Test
  void aTypedAnswerSettlesTheQuestionCardItAnswered() throws Exception {
    type("pagamento non registrato");
    String question = cardId;
    Turn t = type("bonifico");
    oneCard(t, "L'importo del bonifico supera 500 €?");
    assertEquals("Come ha pagato il cliente?\nRisposta: Bonifico\n", Replies.text(settledCard(t, question)));
  }

  @Test
  void commandsAndNewQuestionsUpdateNoCard() throws Exception {
    type("pagamento non registrato");
    assertEquals(List.of(), type("boh").updated(), "not an answer: the question stays open");
    type("bonifico");
    assertEquals(List.of(), click("Indietro").updated(), "a command click changes no question");
    assertEquals(List.of(), type("recupero password pec").updated(), "a new question answers nothing");
  }

  @Test
  void eachPhraseIsInTheCardAsACopyBlockHoldingExactlyThePhrase() throws Exception {
    Turn t = type("saluto quando rispondo a una chiamata");
    oneCard(t, "Frase per il cliente");
    List<JsonNode> blocks = card.findParents("codeSnippet");
    assertEquals(1, blocks.size());
    JsonNode block = blocks.get(0);
    assertEquals("CodeBlock", block.path("type").asText());
    assertEquals("PlainText", block.path("language").asText());
    assertEquals("Buongiorno, sono Mario di Aruba, le rispondo dall'Italia. Come posso aiutarla?",
        block.path("codeSnippet").asText(), "exactly the phrase: no label, no quotes");
    assertEquals(block.path("codeSnippet").asText(), block.path("fallback").path("items").path(0).path("text").asText());
  }

  @Test
  void withPhrasesAsMessagesEachPhraseAlsoFollowsTheCardAsPlainText() throws Exception {
    bot.close();
    bot = new BotUnderTest(true);
    Turn t = type("saluto quando rispondo a una chiamata");
    assertEquals(2, t.posted().size(), t.posted().toString());
    assertTrue(Replies.isCard(t.posted().get(0).body()));
    JsonNode phrase = t.posted().get(1).body();
    assertFalse(Replies.isCard(phrase));
    assertEquals("plain", phrase.path("textFormat").asText());
    assertEquals(Replies.copyBlocks(card).get(0), phrase.path("text").asText());
    assertEquals(1, type("pagamento non registrato").posted().size(), "a question has no phrases to add");
  }

  @Test
  void atTheAddressPromptANewQuestionStartsANewSearch() throws Exception {
    oneCard(type("la pec è @archiworldpec.it non acquistata su pec.it"), "«salta»");
    oneCard(type("pagamento non registrato"), "Come ha pagato il cliente?");
  }
}
