package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Notifier;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.escalation.Backoff;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationSender;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.OpenEscalation;
import it.vademecum.escalation.OutboxSink;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox, the channel poster and the sender against a connector on MockWebServer, with the
 * outbox in a real H2 file: retries, throttling, unknown outcomes, restarts, bad configuration.
 */
class EscalationDeliveryTest {

  static final String CHANNEL = "19:leads@thread.tacv2";
  static final String TENANT = "00000000-0000-0000-0000-0000000000001";
  static final Agent AGENT = new Agent(TENANT + "/agent-1", "agent-1", "Mario", "mario.rossi@example.com");
  static final EscalationSender.Timing FAST = new EscalationSender.Timing(Duration.ofMillis(20), Duration.ofHours(1),
      Duration.ofMillis(50), new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)));

  @TempDir
  Path data;
  private LeadsConnector connector;
  private H2Outbox outbox;
  private EscalationSender sender;
  private final List<String> told = new CopyOnWriteArrayList<>();
  private final Notifier notifier = (key, text) -> told.add(key + " " + text);

  static EscalationRequest request(String note) {
    return new EscalationRequest("pagamento-non-registrato", "Pagamento con bollettino o bonifico non registrato",
        "scala-tl", "Scala al TL.", "Bonifico non registrato dopo 72 ore lavorative", "1234567", note,
        List.of("Come ha pagato il cliente? → Bonifico", "Sono passate più di 72 ore lavorative? → Sì"));
  }

  @BeforeEach
  void start() throws Exception {
    connector = new LeadsConnector();
    outbox = H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC());
    outbox.put(ChannelRoute.CHANNEL, CHANNEL, new ChannelRoute(connector.serviceUrl(), TENANT, "team-id").toJson());
  }

  @AfterEach
  void stop() throws Exception {
    if (sender != null) {
      sender.close();
    }
    outbox.close();
    connector.close();
  }

  private TeamsChannelPoster poster(String channel) {
    return new TeamsChannelPoster(channel, "", "", "", outbox, Duration.ofSeconds(2), Clock.systemUTC());
  }

  private void startSender(TeamsChannelPoster poster) {
    sender = new EscalationSender(outbox, poster, notifier, FAST, Clock.systemUTC()).start();
  }

  private State state(long id) {
    return outbox.find(id).orElseThrow().state();
  }

  @Test
  void failingWith503ThenThrottledWithRetryAfterThenSuccessPostsExactlyOneCard() throws Exception {
    connector.script(LeadsConnector.status(503), LeadsConnector.status(503), LeadsConnector.status(503),
        LeadsConnector.status(429).setHeader("Retry-After", "1"));
    Escalation e = outbox.enqueue(AGENT, request(""));
    startSender(poster(CHANNEL));

    LeadsConnector.await(() -> state(e.id()) == State.POSTED, 10_000);
    Thread.sleep(200);
    List<LeadsConnector.Call> posts = connector.channelPosts();
    assertEquals(List.of(503, 503, 503, 429, 201), posts.stream().map(LeadsConnector.Call::status).toList());
    assertEquals(1, connector.cards.size(), "one card in the channel");
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(posts.get(4).atNanos() - posts.get(3).atNanos());
    assertTrue(waitedMs >= 1000, "Retry-After: 1 honoured, waited " + waitedMs + " ms");
    Escalation posted = outbox.find(e.id()).orElseThrow();
    assertNotNull(posted.activityId());
    assertEquals(CHANNEL + ";messageid=" + posted.activityId(), posted.conversationId());
    assertEquals(5, posted.attempts());

    JsonNode body = connector.cards.get(0);
    assertEquals(CHANNEL, body.path("channelData").path("channel").path("id").asText());
    String card = body.path("activity").path("attachments").get(0).path("content").toString();
    for (String expected : new String[] {"<at>Mario</at> (mario.rossi@example.com)", "1234567", "Pagamento con bollettino",
        "Scala al TL.", "Bonifico non registrato dopo 72 ore", "Come ha pagato il cliente? → Bonifico",
        "Prendo in carico", "esc:take:" + e.id()}) {
      assertTrue(card.contains(expected), expected + " in " + card);
    }
    LeadsConnector.await(() -> told.size() == 1, 2_000);
    assertTrue(told.get(0).contains("è nel canale dei TL"), told.toString());
  }

  @Test
  void aPostAcceptedWhoseAnswerIsLostIsNeverPostedAgainAndTheClickResolvesIt() throws Exception {
    connector.script(LeadsConnector.dropAfterProcessing());
    Escalation e = outbox.enqueue(AGENT, request(""));
    startSender(poster(CHANNEL));

    LeadsConnector.await(() -> state(e.id()) == State.UNCERTAIN, 5_000);
    Thread.sleep(500); // 25 sender passes
    assertEquals(1, connector.channelPosts().size(), "no second attempt after an unknown outcome");
    assertEquals(1, connector.cards.size(), "one card in the channel");
    OpenEscalation open = outbox.open().get(0);
    assertEquals(State.UNCERTAIN, open.state());
    assertTrue(open.needsAttention(), "visible to supervisors");

    // The card exists: a team lead's click on it proves the post and records its ids.
    var take = outbox.take(e.id(), "tl-1", "Anna Bianchi", CHANNEL + ";messageid=777", "777");
    assertTrue(take.won());
    assertEquals("777", take.escalation().activityId());
    assertEquals(State.TAKEN, take.escalation().state());
  }

  @Test
  void anEscalationWhoseDeliveryIsUncertainIsToldToTheAgentAsInVerificaOnce() throws Exception {
    connector.script(LeadsConnector.dropAfterProcessing());
    Escalation e = outbox.enqueue(AGENT, request(""));
    startSender(poster(CHANNEL));
    LeadsConnector.await(() -> state(e.id()) == State.UNCERTAIN, 5_000);
    LeadsConnector.await(() -> told.stream().anyMatch(t -> t.contains("è in verifica")), 2_000);
    Thread.sleep(200); // 10 sender passes: no second notice
    assertEquals(List.of(AGENT.key() + " La tua escalation n. " + e.id() + " (ticket 1234567) è in verifica: non so "
        + "se è arrivata nel canale dei TL. Un supervisore controlla e, se non c'è, la reinvia; se il caso è urgente "
        + "contatta il TL a mano."), told);
    assertTrue(it.vademecum.escalation.EscalationTexts.stateForAgent(outbox.find(e.id()).orElseThrow())
        .startsWith("in verifica"), "«le mie escalation» says it too");
  }

  @Test
  void aSupervisorsResendOfAnUncertainEscalationPostsOneCardSayingItIsAResend() throws Exception {
    connector.script(LeadsConnector.dropWithoutProcessing());
    Escalation e = outbox.enqueue(AGENT, request(""));
    startSender(poster(CHANNEL));
    LeadsConnector.await(() -> state(e.id()) == State.UNCERTAIN, 5_000);
    assertEquals(0, connector.cards.size(), "this time the post never reached Teams");

    assertTrue(outbox.resend(e.id()));
    sender.wake();
    LeadsConnector.await(() -> state(e.id()) == State.POSTED, 5_000);
    assertEquals(1, connector.cards.size());
    assertTrue(connector.cards.get(0).toString().contains("Reinvio"), "the TL sees it is a resend");
    assertEquals(false, outbox.resend(e.id()), "only uncertain escalations can be resent");
  }

  @Test
  void anEscalationWrittenBeforeTheProcessStoppedIsDeliveredOnceAfterRestart() throws Exception {
    Escalation e = outbox.enqueue(AGENT, request(""));
    outbox.close(); // stopped between the write and the send
    outbox = H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC());
    assertEquals(State.PENDING, state(e.id()));
    startSender(poster(CHANNEL));
    LeadsConnector.await(() -> state(e.id()) == State.POSTED, 5_000);
    Thread.sleep(200);
    sender.close();
    outbox.close();
    outbox = H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC());
    startSender(poster(CHANNEL));
    Thread.sleep(200);
    assertEquals(1, connector.channelPosts().size());
    assertEquals(1, connector.cards.size());
    assertEquals(State.POSTED, state(e.id()));
  }

  @Test
  void anEscalationStoppedInTheMiddleOfItsPostBecomesUncertainAndIsNotPostedAgain() throws Exception {
    Escalation e = outbox.enqueue(AGENT, request(""));
    assertTrue(outbox.claim(e.id()).isPresent()); // the process dies with the request in flight
    outbox.close();
    outbox = H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC());
    assertEquals(State.UNCERTAIN, state(e.id()));
    startSender(poster(CHANNEL));
    Thread.sleep(300);
    assertEquals(0, connector.channelPosts().size());
  }

  @Test
  void withNoChannelConfiguredTheEscalationStaysPendingAndTheAgentIsToldToCallTheTlByHand() throws Exception {
    TeamsChannelPoster poster = poster("");
    OutboxSink sink = new OutboxSink(outbox, poster, () -> { });
    List<String> lines = sink.submit(AGENT, request(""));
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("Escalation n. 1 in coda per il TL (ticket 1234567)"), lines.get(0));
    assertTrue(lines.get(1).contains("contatta il TL a mano"), lines.get(1));
    startSender(poster);
    LeadsConnector.await(() -> outbox.find(1).orElseThrow().problem() != null, 2_000);
    Thread.sleep(200);
    assertEquals(State.PENDING, state(1));
    assertEquals(0, connector.channelPosts().size());
    OpenEscalation open = outbox.open().get(0);
    assertTrue(open.problem().contains("TEAMLEAD_CHANNEL_ID"), open.problem());
    LeadsConnector.await(() -> told.size() == 1, 2_000);
    Thread.sleep(200);
    assertEquals(1, told.size(), "the agent is told once: " + told);
    assertTrue(told.get(0).contains("per ora contatta il TL a mano"), told.get(0));
  }

  @Test
  void a403FromTeamsKeepsTheEscalationPendingVisibleAndTellsTheAgentOnce() throws Exception {
    connector.script(LeadsConnector.status(403));
    Escalation e = outbox.enqueue(AGENT, request(""));
    startSender(poster(CHANNEL));
    LeadsConnector.await(() -> outbox.find(e.id()).orElseThrow().problem() != null, 5_000);
    Thread.sleep(200);
    assertEquals(State.PENDING, state(e.id()));
    assertEquals(1, connector.channelPosts().size(), "a configuration problem is not hammered");
    assertTrue(outbox.open().get(0).problem().contains("403"));
    LeadsConnector.await(() -> told.size() == 1, 2_000);
    assertTrue(told.get(0).contains("contatta il TL a mano"), told.get(0));
  }

  @Test
  void theNoteKeptForTheTeamLeadsIsRedactedButTheTicketIsKept() throws Exception {
    Escalation e = outbox.enqueue(AGENT, request(
        "cliente mario.bianchi@pec.it tel 347 123 4567, CF RSSMRA85T10A562S, IBAN IT60X0542811101000000123456"));
    Escalation stored = outbox.find(e.id()).orElseThrow();
    String note = stored.request().note();
    assertNotNull(note);
    for (String leaked : new String[] {"mario.bianchi", "347", "RSSMRA85T10A562S", "IT60X0542811101000000123456"}) {
      assertTrue(!note.contains(leaked), leaked + " leaked: " + note);
    }
    assertTrue(note.contains("[email]@pec.it") && note.contains("[telefono]") && note.contains("[cf]")
        && note.contains("[iban]"), note);
    assertEquals("1234567", stored.request().ticket());
    startSender(poster(CHANNEL));
    LeadsConnector.await(() -> connector.cards.size() == 1, 5_000);
    String card = connector.cards.get(0).toString();
    assertTrue(card.contains("[email]@pec.it") && !card.contains("mario.bianchi"), card);
  }
}
