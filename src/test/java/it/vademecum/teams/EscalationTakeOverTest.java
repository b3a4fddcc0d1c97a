package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.assistant.Assistant;
import it.vademecum.engine.Action;
import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Engine;
import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationSender;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.MyEscalationsCommand;
import it.vademecum.escalation.Outbox;
import it.vademecum.escalation.OutboxSink;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.usage.UsageLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Teams path over HTTP: the agent's chat and the team leads' team are learnt from their
 * activities, the card is posted, a team lead's click takes it, the card is updated in place and
 * the agent is told in their personal chat; a second click is told who took it.
 */
class EscalationTakeOverTest {

  private static final String CHANNEL = "19:leads@thread.tacv2";
  private static final String AGENT_CHAT = "cfe9f103-1092-4725-8c3a-f52782c98aa3";

  @TempDir
  Path data;
  private LeadsConnector connector;
  private H2Outbox outbox;
  private EscalationSender sender;
  private TeamsServer server;
  private Assistant assistant;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    connector = new LeadsConnector();
    outbox = H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC());
    TeamsChannelPoster poster = new TeamsChannelPoster(CHANNEL, "", "", "", outbox, Duration.ofSeconds(2),
        Clock.systemUTC());
    Runnable[] wake = {() -> { }};
    EscalationDesk desk = new EscalationDesk(outbox, CHANNEL, () -> wake[0].run());
    Engine engine = BotUnderTest.engine();
    assistant = new Assistant(() -> engine, new CaffeineSessionStore(Duration.ofHours(1), 100), UsageLog.disabled(),
        new OutboxSink(outbox, poster, () -> wake[0].run()), List.of(new MyEscalationsCommand(outbox)),
        Clock.systemUTC());
    server = new TeamsServer(new TeamsServer.Options(null, null, "MultiTenant", null, "127.0.0.1", 0), () -> engine,
        new VademecumBot(assistant, desk));
    server.start();
    sender = new EscalationSender(outbox, poster, new TeamsNotifier(server.adapter(), "", outbox),
        EscalationDeliveryTest.FAST, Clock.systemUTC()).start();
    wake[0] = sender::wake;
  }

  @AfterEach
  void stop() throws Exception {
    sender.close();
    server.close();
    outbox.close();
    connector.close();
  }

  private ObjectNode fixture(String name) throws Exception {
    return Activities.fixture(name, connector.serviceUrl());
  }

  private String post(JsonNode activity) throws Exception {
    Request r = new Request.Builder().url("http://127.0.0.1:" + server.port() + "/api/messages")
        .post(RequestBody.create(activity.toString(), MediaType.get("application/json"))).build();
    try (Response response = http.newCall(r).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      assertEquals(200, response.code(), body);
      return body;
    }
  }

  /** A team lead's Action.Execute on the card, in the channel thread: an adaptiveCard/action invoke. */
  private ObjectNode execute(long id, String cardId, String name, String aad) throws Exception {
    return Activities.leadExecute(CHANNEL, id, cardId, name, aad, connector.serviceUrl());
  }

  /** The agent's chat and the team leads' team are learnt, one escalation is posted; its stored row. */
  private Escalation postedEscalation(String note) throws Exception {
    post(fixture("personal-message"));
    ObjectNode install = fixture("team-installation-update");
    ((ObjectNode) install.path("channelData").path("channel")).put("id", CHANNEL);
    post(install);
    var agent = VademecumBot.agent(com.microsoft.bot.schema.Serialization.treeToValue(
        fixture("personal-message"), com.microsoft.bot.schema.Activity.class), "Mario");
    new OutboxSink(outbox, new TeamsChannelPoster(CHANNEL, "", "", "", outbox, Duration.ofSeconds(2),
        Clock.systemUTC()), sender::wake).submit(agent, EscalationDeliveryTest.request(note));
    LeadsConnector.await(() -> outbox.find(1).orElseThrow().state() == State.POSTED, 5_000);
    return outbox.find(1).orElseThrow();
  }

  @Test
  void takingOverWithActionExecuteReturnsTheUpdatedCardAndTellsTheAgentOnce() throws Exception {
    Escalation posted = postedEscalation("nota");
    JsonNode channelCard = connector.cards.get(0).path("activity").path("attachments").get(0).path("content");
    JsonNode button = channelCard.path("actions").get(0);
    assertEquals("Action.Execute", button.path("type").asText(), channelCard.toString());
    assertEquals("esc:take:1", button.path("data").path(Cards.VALUE_KEY).asText());

    JsonNode response = BotUnderTest.JSON.readTree(
        post(execute(1, posted.activityId(), "Anna Bianchi", "00000000-0000-0000-0000-0000000000aa")));
    assertEquals(200, response.path("statusCode").asInt(), response.toString());
    assertEquals("application/vnd.microsoft.card.adaptive", response.path("type").asText(), response.toString());
    String card = response.path("value").toString();
    assertTrue(card.contains("Presa in carico da Anna Bianchi alle "), card);
    assertFalse(card.contains(EscalationCard.TAKE), "the button is gone: " + card);
    List<LeadsConnector.Call> updates = connector.into("PUT", CHANNEL);
    assertEquals(1, updates.size(), "the card is updated for everyone too");
    assertTrue(updates.get(0).body().toString().contains("Presa in carico da Anna Bianchi alle "));
    assertTrue(connector.into("POST", CHANNEL).isEmpty(), "nothing is posted in the thread");

    LeadsConnector.await(() -> texts(connector.into("POST", AGENT_CHAT))
        .contains("è stata presa in carico da Anna Bianchi alle "), 5_000);
    post(execute(1, posted.activityId(), "Anna Bianchi", "00000000-0000-0000-0000-0000000000aa"));
    sender.wake();
    LeadsConnector.await(() -> outbox.dueNotices(java.time.Instant.now().plusSeconds(60), 10).isEmpty(), 5_000);
    long told = connector.into("POST", AGENT_CHAT).stream()
        .filter(c -> c.body().toString().contains("presa in carico")).count();
    assertEquals(1, told, "the agent is told once: " + texts(connector.into("POST", AGENT_CHAT)));
  }

  @Test
  void thePreviewAndTheStoredEscalationShowTheNoteRedactedAsTheTeamLeadSeesIt() throws Exception {
    var agent = EscalationDeliveryTest.AGENT;
    assistant.turn(agent, Input.text("bonifico di 200 euro fatto 6 giorni fa e non ancora registrato"));
    assistant.turn(agent, Input.text("4567890"));
    Reply preview = assistant.turn(agent, Input.text("richiamare al 333 1234567 o a mario.rossi@example.com"));
    assertEquals(Reply.Kind.CONFIRM, preview.kind());
    assertTrue(preview.lines().contains("Nota: richiamare al [telefono] o a [email]"), preview.lines().toString());
    assertTrue(outbox.find(1).isEmpty(), "a preview sends nothing");

    assistant.turn(agent, Input.text("ricomincia"));
    assistant.turn(agent, Input.text("bonifico di 200 euro fatto 6 giorni fa e non ancora registrato"));
    Reply sent = assistant.turn(agent, Input.form(it.vademecum.engine.EscalationForm.FORM, java.util.Map.of(
        "ticket", "4567890", "nota", "scrivere a mario.rossi@example.com")));
    assertTrue(sent.lines().contains("Nota: scrivere a [email]"), sent.lines().toString());
    assertTrue(sent.lines().stream().anyMatch(l -> l.contains("in coda per il TL")), sent.lines().toString());
    assertEquals("scrivere a [email]", outbox.find(1).orElseThrow().request().note());
  }

  @Test
  void aHostileTeamLeadNameIsEscapedOnTheCardAndInTheAgentsNotice() throws Exception {
    Escalation posted = postedEscalation("<AT>everyone</AT> [qui](https://evil.example)");
    String hostile = "<AT>everyone</AT> [Capo](https://evil.example) ![x](https://evil.example/p.png)";
    JsonNode response = BotUnderTest.JSON.readTree(
        post(execute(1, posted.activityId(), hostile, "00000000-0000-0000-0000-0000000000aa")));
    String card = response.path("value").toString()
        + connector.into("PUT", CHANNEL).get(0).body().path("attachments").get(0).path("content");
    String channel = connector.cards.get(0).toString();
    for (String shown : List.of(card, channel)) {
      assertFalse(shown.toLowerCase(java.util.Locale.ROOT).contains("<at>everyone"), shown);
      assertFalse(shown.contains("]("), shown);
    }
    LeadsConnector.await(() -> texts(connector.into("POST", AGENT_CHAT)).contains("presa in carico da"), 5_000);
    String notice = texts(connector.into("POST", AGENT_CHAT));
    assertFalse(notice.toLowerCase(java.util.Locale.ROOT).contains("<at>") || notice.contains("]("), notice);
    assertTrue(notice.contains("‹AT›everyone‹/AT›"), notice);
  }

  @Test
  void theTeamLeadsTeamGetsItsOwnWelcomeAndHelpNotTheAgentsDialog() throws Exception {
    ObjectNode install = fixture("team-installation-update");
    ((ObjectNode) install.path("channelData").path("channel")).put("id", CHANNEL);
    post(install);
    String welcome = texts(connector.into("POST", ""));
    assertTrue(welcome.contains(TeamLeadChannel.WELCOME.substring(0, 40)), welcome);
    assertFalse(welcome.contains("Scrivimi la domanda"), "not the agents' welcome: " + welcome);

    ObjectNode help = fixture("channel-message-mention");
    help.put("text", "<at>Test Bot</at> aiuto");
    ((ObjectNode) help.path("channelData").path("channel")).put("id", CHANNEL);
    ((ObjectNode) help.path("conversation")).put("id", CHANNEL + ";messageid=42");
    post(help);
    String said = texts(connector.into("POST", CHANNEL));
    assertTrue(said.contains("Cosa fa un TL in questo canale") && said.contains("Prendo in carico"), said);

    ObjectNode question = help.deepCopy();
    question.put("id", UUID.randomUUID().toString()).put("text", "<AT>Test Bot</AT> bonifico di 600 euro non registrato");
    post(question);
    said = texts(connector.into("POST", CHANNEL));
    assertTrue(said.contains("scrivimele in chat privata"), said);
    assertFalse(said.contains("pagamenti_billing_aruba"), "no agent dialog in the leads' channel: " + said);
  }

  @Test
  void aRefreshOfAStaleCardShowsItAsItIsNowWithoutTakingIt() throws Exception {
    Escalation posted = postedEscalation("");
    JsonNode channelCard = connector.cards.get(0).path("activity").path("attachments").get(0).path("content");
    assertEquals("esc:view:1",
        channelCard.path("refresh").path("action").path("data").path(Cards.VALUE_KEY).asText(), channelCard.toString());
    JsonNode open = BotUnderTest.JSON.readTree(post(refresh(posted)));
    assertTrue(open.path("value").toString().contains(EscalationCard.OPEN), open.toString());
    assertEquals(State.POSTED, outbox.find(1).orElseThrow().state(), "a refresh takes nothing");

    outbox.take(1, "aad-anna", "Anna Bianchi", CHANNEL, posted.activityId()); // as if the update had failed
    JsonNode now = BotUnderTest.JSON.readTree(post(refresh(posted)));
    assertEquals("application/vnd.microsoft.card.adaptive", now.path("type").asText(), now.toString());
    assertTrue(now.path("value").toString().contains("Presa in carico da Anna Bianchi alle "), now.toString());
    assertTrue(now.path("value").path("actions").isMissingNode(), "no button on a taken card");
  }

  private ObjectNode refresh(Escalation posted) throws Exception {
    ObjectNode a = execute(1, posted.activityId(), "Luca Verdi", "00000000-0000-0000-0000-0000000000bb");
    ((ObjectNode) a.path("value").path("action")).put("verb", EscalationCard.REFRESH_VERB)
        .putObject("data").put(Cards.VALUE_KEY, "esc:view:1");
    a.put("id", UUID.randomUUID().toString());
    return a;
  }

  @Test
  void aLateClickIsAnsweredOnlyToTheClickerWithWhoTookIt() throws Exception {
    Escalation posted = postedEscalation("");
    post(execute(1, posted.activityId(), "Anna Bianchi", "00000000-0000-0000-0000-0000000000aa"));
    JsonNode late = BotUnderTest.JSON.readTree(
        post(execute(1, posted.activityId(), "Luca Verdi", "00000000-0000-0000-0000-0000000000bb")));
    assertEquals("application/vnd.microsoft.card.adaptive", late.path("type").asText(), late.toString());
    String card = late.path("value").toString();
    assertTrue(card.contains("è già stata presa in carico da Anna Bianchi alle "), card);
    assertFalse(card.contains(EscalationCard.TAKE), card);
    assertEquals(1, connector.into("PUT", CHANNEL).size(), "the late click changes nobody else's card");
    assertTrue(connector.into("POST", CHANNEL).isEmpty(), "nothing is posted in the thread");
    assertEquals("Anna Bianchi", outbox.find(1).orElseThrow().takenBy());
  }

  @Test
  void anEscalationClickCraftedOutsideTheTeamLeadsTeamNeitherShowsNorTakesIt() throws Exception {
    postedEscalation("nota riservata");
    String take = ActionCodec.encode(new Action.Take(1));
    String view = ActionCodec.encode(new Action.View(1));

    for (String value : List.of(view, take)) {
      JsonNode answer = BotUnderTest.JSON.readTree(post(Activities.execute(value, connector.serviceUrl())));
      assertEquals("application/vnd.microsoft.activity.message", answer.path("type").asText(), answer.toString());
      assertEquals(EscalationDesk.LEADS_ONLY, answer.path("value").asText());
    }
    post(Activities.submit(take, connector.serviceUrl()));
    List<String> refusals = connector.into("POST", AGENT_CHAT).stream().map(c -> c.body().toString())
        .filter(b -> b.contains(EscalationDesk.LEADS_ONLY)).toList();
    assertEquals(1, refusals.size(), texts(connector.into("POST", AGENT_CHAT)));
    assertFalse(refusals.get(0).contains("1234567") || refusals.get(0).contains("riservata"), refusals.get(0));

    // A channel of another team the bot is in is not the team leads' team either.
    ObjectNode elsewhere = execute(1, "1795669043110", "Eva Neri", "00000000-0000-0000-0000-0000000000ee");
    ((ObjectNode) elsewhere.path("channelData").path("channel")).put("id", "19:other@thread.tacv2");
    ((ObjectNode) elsewhere.path("channelData").path("team")).put("id", "19:other-team@thread.tacv2");
    ((ObjectNode) elsewhere.path("conversation")).put("id", "19:other@thread.tacv2;messageid=1795669043110");
    assertEquals(EscalationDesk.LEADS_ONLY, BotUnderTest.JSON.readTree(post(elsewhere)).path("value").asText());

    Escalation after = outbox.find(1).orElseThrow();
    assertEquals(State.POSTED, after.state(), "nobody took it");
    assertEquals(null, after.takenBy());
    assertTrue(connector.into("PUT", CHANNEL).isEmpty(), "the leads' card is unchanged");
  }

  /** A team lead's Action.Submit on the card, in the channel thread. */
  private ObjectNode click(long id, String cardId, String name, String aad) throws Exception {
    return Activities.leadSubmit(CHANNEL, id, cardId, name, aad, connector.serviceUrl());
  }

  private String texts(List<LeadsConnector.Call> calls) {
    StringBuilder b = new StringBuilder();
    calls.forEach(c -> b.append(c.body()).append('\n'));
    return b.toString();
  }

  @Test
  void anActionSubmitClickFromAnOlderCardTakesItAndUpdatesTheCardInPlace() throws Exception {
    post(fixture("personal-message")); // the agent's chat is remembered
    ObjectNode install = fixture("team-installation-update");
    ((ObjectNode) install.path("channelData").path("channel")).put("id", CHANNEL);
    post(install); // the team leads' team: serviceUrl and tenant learnt

    var agent = VademecumBot.agent(com.microsoft.bot.schema.Serialization.treeToValue(
        fixture("personal-message"), com.microsoft.bot.schema.Activity.class), "Mario");
    List<String> lines = new OutboxSink(outbox, new TeamsChannelPoster(CHANNEL, "", "", "", outbox,
        Duration.ofSeconds(2), Clock.systemUTC()), sender::wake).submit(agent, EscalationDeliveryTest.request("nota"));
    assertTrue(lines.get(0).contains("in coda per il TL"), lines.toString());
    assertEquals(1, lines.size(), "the channel is known: no by-hand warning");
    LeadsConnector.await(() -> outbox.find(1).orElseThrow().state() == State.POSTED, 5_000);
    Escalation posted = outbox.find(1).orElseThrow();
    LeadsConnector.await(() -> texts(connector.into("POST", AGENT_CHAT)).contains("è nel canale dei TL"), 5_000);

    post(click(1, posted.activityId(), "Anna Bianchi", "00000000-0000-0000-0000-0000000000aa"));
    List<LeadsConnector.Call> updates = connector.into("PUT", CHANNEL);
    assertEquals(1, updates.size(), "the card is updated in place");
    assertTrue(updates.get(0).path().endsWith("/activities/" + posted.activityId()), updates.get(0).path());
    String card = updates.get(0).body().toString();
    assertTrue(card.contains("Presa in carico da Anna Bianchi alle "), card);
    assertFalse(card.contains("Prendo in carico"), "the button is gone: " + card);
    assertTrue(connector.into("POST", CHANNEL).isEmpty(), "no reply in the thread");
    LeadsConnector.await(() -> texts(connector.into("POST", AGENT_CHAT))
        .contains("è stata presa in carico da Anna Bianchi alle "), 5_000);

    post(click(1, posted.activityId(), "Luca Verdi", "00000000-0000-0000-0000-0000000000bb"));
    assertTrue(connector.into("POST", CHANNEL).isEmpty(), "no reply in the thread");
    assertTrue(connector.into("PUT", CHANNEL).get(1).body().toString().contains("Presa in carico da Anna Bianchi"),
        "a late Action.Submit click refreshes the card with who took it");
    assertEquals("Anna Bianchi", outbox.find(1).orElseThrow().takenBy());

    Reply mine = assistant.turn(agent, Input.text("le mie escalation"));
    String listed = String.join("\n", mine.lines());
    assertTrue(listed.contains("n. 1 · ") && listed.contains("ticket 1234567")
        && listed.contains("presa in carico da Anna Bianchi alle "), listed);
  }

  @Test
  void twoTeamLeadsClickingAtOnceGiveOneOwnerPerEscalation() throws Exception {
    sender.close();
    var agent = EscalationDeliveryTest.AGENT;
    int escalations = 30;
    int leads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(leads);
    try {
      for (int i = 0; i < escalations; i++) {
        long id = outbox.enqueue(agent, EscalationDeliveryTest.request("")).id();
        CyclicBarrier together = new CyclicBarrier(leads);
        List<Future<Outbox.Take>> clicks = new ArrayList<>();
        for (int l = 0; l < leads; l++) {
          String name = "TL " + l;
          clicks.add(pool.submit(() -> {
            together.await();
            return outbox.take(id, "tl-" + name, name, "c", "a");
          }));
        }
        int won = 0;
        List<Outbox.Take> takes = new ArrayList<>();
        for (Future<Outbox.Take> f : clicks) {
          takes.add(f.get());
        }
        String owner = outbox.find(id).orElseThrow().takenBy();
        for (Outbox.Take t : takes) {
          won += t.won() ? 1 : 0;
          assertEquals(owner, t.escalation().takenBy(), "every click sees the one owner");
        }
        assertEquals(1, won, "one owner for escalation " + id);
      }
    } finally {
      pool.shutdownNow();
    }
    long notices = outbox.dueNotices(java.time.Instant.now().plusSeconds(1), 1000).stream()
        .filter(n -> n.text().contains("presa in carico")).count();
    assertEquals(escalations, notices, "the agent is told once per escalation");
  }
}
