package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real server over HTTP in local mode, with a fake Teams connector receiving the replies. */
class TeamsEndToEndTest {

  private static final String CONVERSATION = "cfe9f103-1092-4725-8c3a-f52782c98aa3";
  private BotUnderTest bot;

  @BeforeEach
  void start() throws Exception {
    bot = new BotUnderTest(null, null);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  /** Posts an activity, expects 200, returns what the bot sent to the connector. */
  private List<JsonNode> turn(JsonNode activity) throws Exception {
    BotUnderTest.Answer a = bot.post(activity);
    assertEquals(200, a.status(), a.body());
    return bot.connector.sent();
  }

  private JsonNode onlyCard(List<JsonNode> sent) {
    assertEquals(1, sent.size(), "one card expected: " + sent);
    return Replies.card(sent.get(0));
  }

  @Test
  void freeTextWalksStraightToTheStepWithItsQueue() throws Exception {
    List<JsonNode> calls = turn(bot.message("bonifico di 600 euro fatto ieri non registrato"));
    JsonNode card = onlyCard(calls);
    assertEquals("1.5", card.path("version").asText());
    String text = Replies.text(card);
    assertTrue(text.contains("Inoltra la richiesta a pagamenti_billing_aruba"), text);
    assertTrue(text.contains("Coda: pagamenti_billing_aruba"), text);
    assertTrue(Replies.buttons(card).containsKey("Ricomincia"));
  }

  @Test
  void repliesGoToTheConversationOfTheActivity() throws Exception {
    bot.post(bot.message("bonifico di 600 euro fatto ieri non registrato"));
    List<FakeConnector.Call> calls = bot.connector.drain();
    FakeConnector.Call post = calls.stream().filter(c -> "POST".equals(c.method())).findFirst().orElseThrow();
    assertTrue(post.path().startsWith(FakeConnector.PREFIX + "/v3/conversations/" + CONVERSATION + "/activities"),
        post.path());
    assertEquals("message", post.body().path("type").asText());
    assertEquals(CONVERSATION, post.body().path("conversation").path("id").asText());
  }

  @Test
  void questionCardsAreClickedThroughToTheStep() throws Exception {
    JsonNode q1 = onlyCard(turn(bot.message("pagamento non registrato")));
    Map<String, String> b1 = Replies.buttons(q1);
    assertTrue(Replies.text(q1).contains("Come ha pagato il cliente?"), Replies.text(q1));
    assertEquals(List.of("Bollettino premarcato", "Bollettino bianco", "Bonifico", "Ricomincia"),
        List.copyOf(b1.keySet()));
    assertEquals("k:ricomincia", b1.get("Ricomincia"));

    JsonNode q2 = onlyCard(turn(bot.submit(b1.get("Bonifico"))));
    Map<String, String> b2 = Replies.buttons(q2);
    assertTrue(Replies.text(q2).contains("L'importo del bonifico supera 500 €?"), Replies.text(q2));
    assertEquals("k:indietro", b2.get("Indietro"), "Indietro once there is a question behind");

    JsonNode q3 = onlyCard(turn(bot.submit(b2.get("Sì"))));
    assertTrue(Replies.text(q3).contains("Quando è stato fatto il bonifico?"), Replies.text(q3));

    JsonNode step = onlyCard(turn(bot.submit(Replies.buttons(q3).get("Entro 72 ore lavorative"))));
    assertTrue(Replies.text(step).contains("Coda: pagamenti_billing_aruba"), Replies.text(step));

    JsonNode back = onlyCard(turn(bot.submit(Replies.buttons(step).get("Indietro"))));
    assertTrue(Replies.text(back).contains("Quando è stato fatto il bonifico?"), Replies.text(back));
  }

  @Test
  void typedAnswersWorkLikeButtons() throws Exception {
    turn(bot.message("pagamento non registrato"));
    JsonNode q2 = onlyCard(turn(bot.message("bonifico")));
    assertTrue(Replies.text(q2).contains("L'importo del bonifico supera 500 €?"), Replies.text(q2));
    JsonNode restart = onlyCard(turn(bot.message("ricomincia")));
    assertTrue(Replies.text(restart).contains("Ricominciamo da capo"), Replies.text(restart));
  }

  @Test
  void actionExecuteInvokesAreAnsweredAndPlayed() throws Exception {
    JsonNode q1 = onlyCard(turn(bot.message("pagamento non registrato")));
    BotUnderTest.Answer a = bot.post(bot.execute(Replies.buttons(q1).get("Bonifico")));
    assertEquals(200, a.status(), a.body());
    JsonNode invoke = a.json();
    assertEquals(200, invoke.path("statusCode").asInt(), a.body());
    assertEquals(Cards.CONTENT_TYPE, invoke.path("type").asText(), "the clicked card, settled");
    assertTrue(Replies.text(invoke.path("value")).contains("Risposta: Bonifico"), a.body());
    JsonNode q2 = onlyCard(bot.connector.sent());
    assertTrue(Replies.text(q2).contains("L'importo del bonifico supera 500 €?"), Replies.text(q2));
  }

  @Test
  void theExecuteFixtureFromThePlaygroundIsAnsweredNot400() throws Exception {
    BotUnderTest.Answer a = bot.post(bot.fixture("personal-card-execute-invoke"));
    assertEquals(200, a.status(), a.body());
    JsonNode card = onlyCard(bot.connector.sent());
    assertTrue(Replies.text(card).contains("non è valido"), Replies.text(card));
  }

  @Test
  void aClickOnAnOldCardGetsANoteAndTheCurrentQuestionWithoutChangingState() throws Exception {
    JsonNode q1 = onlyCard(turn(bot.message("pagamento non registrato")));
    String bonifico = Replies.buttons(q1).get("Bonifico");
    turn(bot.submit(bonifico));

    JsonNode stale = onlyCard(turn(bot.submit(Replies.buttons(q1).get("Bollettino bianco"))));
    String text = Replies.text(stale);
    assertTrue(text.contains("già superata"), text);
    assertTrue(text.contains("L'importo del bonifico supera 500 €?"), text);

    JsonNode stale2 = onlyCard(turn(bot.execute(bonifico)));
    assertTrue(Replies.text(stale2).contains("già risposto"), Replies.text(stale2));

    JsonNode when = onlyCard(turn(bot.submit(Replies.buttons(stale).get("Sì"))));
    JsonNode step = onlyCard(turn(bot.submit(Replies.buttons(when).get("Entro 72 ore lavorative"))));
    assertTrue(Replies.text(step).contains("Coda: pagamenti_billing_aruba"), Replies.text(step));
  }

  @Test
  void forgedButtonsAndForeignCardDataAreRefusedPolitely() throws Exception {
    JsonNode forged = onlyCard(turn(bot.submit("c:pagamento-non-registrato:nessuno:7")));
    assertTrue(Replies.text(forged).contains("non è valido"), Replies.text(forged));
    JsonNode foreign = onlyCard(turn(bot.fixture("personal-card-submit")));
    assertTrue(Replies.text(foreign).contains("non è valido"), Replies.text(foreign));
  }

  @Test
  void noTopicGetsTheTopicsByGroupToOpenAndPick() throws Exception {
    JsonNode card = onlyCard(turn(bot.message("ricetta della carbonara con guanciale")));
    assertTrue(Replies.text(card).contains("Non ho trovato un argomento"), Replies.text(card));
    assertEquals(6, card.findValues("targetElements").size(), "one closed section per group");
    String pick = Replies.buttons(card).get("Pagamento con bollettino o bonifico non registrato");
    assertEquals("t:pagamento-non-registrato", pick);
    JsonNode q = onlyCard(turn(bot.submit(pick)));
    assertTrue(Replies.text(q).contains("Come ha pagato il cliente?"), Replies.text(q));
    JsonNode list = onlyCard(turn(bot.message("argomenti")));
    assertTrue(Replies.text(list).contains("Gli argomenti che conosco"), Replies.text(list));
    assertEquals(6, list.findValues("targetElements").size());
    assertEquals(BotUnderTest.engine().catalog().list().size(),
        Replies.buttons(list).values().stream().filter(v -> v.startsWith("t:")).count(), "every topic, once");
  }

  @Test
  void phrasesAreInTheOneCardWithTheTeamsGivenName() throws Exception {
    JsonNode card = onlyCard(turn(bot.message("saluto quando rispondo a una chiamata")));
    assertEquals(List.of("Buongiorno, sono Mario di Aruba, le rispondo dall'Italia. Come posso aiutarla?"),
        Replies.copyBlocks(card));

    turn(bot.message("nome Luca"));
    JsonNode again = onlyCard(turn(bot.message("saluto quando rispondo a una chiamata")));
    assertTrue(Replies.copyBlocks(again).get(0).contains("sono Luca di Aruba"), again.toString());
  }

  @Test
  void theGivenNameIsAskedOfTeamsOncePerAgent() throws Exception {
    bot.post(bot.message("aiuto"));
    bot.post(bot.message("argomenti"));
    long lookups = bot.connector.drain().stream().filter(c -> "GET".equals(c.method())).count();
    assertEquals(1, lookups);
  }

  @Test
  void installingTheAppSendsOneWelcome() throws Exception {
    List<JsonNode> first = turn(bot.fixture("personal-installation-update"));
    List<JsonNode> second = turn(bot.fixture("personal-members-added"));
    assertEquals(1, first.size() + second.size(), "one welcome for the two install events");
    String text = Replies.text(Replies.card(first.isEmpty() ? second.get(0) : first.get(0)));
    assertTrue(text.contains("Ciao Mario!"), text);
    assertTrue(text.contains("Sono Vademecum"), text);
  }

  @Test
  void membersAddedWithoutTheBotSendsNothing() throws Exception {
    ObjectNode a = bot.fixture("personal-members-added");
    a.putArray("membersAdded").addObject().put("id", "someone-else");
    a.with("conversation").put("id", "another-conversation");
    assertEquals(List.of(), turn(a));
  }

  @Test
  void aChannelMentionIsReadWithoutTheMention() throws Exception {
    ObjectNode a = bot.fixture("channel-message-mention");
    a.put("text", "<at>Test Bot</at> bonifico di 600 euro fatto ieri non registrato");
    JsonNode card = onlyCard(turn(a));
    assertTrue(Replies.text(card).contains("Coda: pagamenti_billing_aruba"), Replies.text(card));
  }

  @Test
  void healthzTellsTheDialogsVersionAndTopics() throws Exception {
    BotUnderTest.Answer h = bot.get("/healthz");
    assertEquals(200, h.status());
    JsonNode j = h.json();
    assertEquals("ok", j.path("status").asText());
    assertEquals(BotUnderTest.engine().catalog().list().size(), j.path("topics").asInt());
    assertTrue(j.path("topics").asInt() >= 30);
    assertFalse(j.path("dialogsVersion").asText().isBlank());
    assertEquals("local", j.path("mode").asText());
  }

  @Test
  void aSlowConnectorIsCalledInParallelNotFiveAtATime() throws Exception {
    bot.post(bot.message("aiuto"));
    bot.connector.drain();
    bot.connector.delayMs = 300;
    int agents = 20;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(agents);
    try {
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      bot.connector.maxInFlight.set(0);
      for (int i = 0; i < agents; i++) {
        ObjectNode a = bot.message("aiuto");
        a.with("from").put("aadObjectId", "agent-" + i).put("id", "user-" + i);
        results.add(pool.submit(() -> bot.post(a).status()));
      }
      for (java.util.concurrent.Future<Integer> f : results) {
        assertEquals(200, f.get());
      }
      // At OkHttp's default dispatcher (5 per host) the connector would never see more than 5
      // calls at once; the sized dispatcher lets the 20 agents' calls overlap.
      assertTrue(bot.connector.maxInFlight.get() > 5, "at most " + bot.connector.maxInFlight.get() + " at once");
      assertEquals(2 * agents, bot.connector.drain().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnreadableBodyIs400() throws Exception {
    assertEquals(400, bot.post("{not json", null).status());
    assertEquals(400, bot.post("{}", null).status());
  }
}
