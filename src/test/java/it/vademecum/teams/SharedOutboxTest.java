package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.RealServices;
import it.vademecum.assistant.Agent;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationSender;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.Outbox;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' outboxes and senders on one real PostgreSQL database, posting to one connector on
 * MockWebServer: every escalation reaches the channel exactly once, a take-over wins once and
 * notifies once, a sender that stopped mid-post leaves an uncertain escalation to a person.
 */
class SharedOutboxTest {

  private static final Pattern TAKE = Pattern.compile("esc:take:(\\d+)");

  private LeadsConnector connector;
  private final List<H2Outbox> outboxes = new ArrayList<>();
  private final List<EscalationSender> senders = new ArrayList<>();
  private final List<String> told = new CopyOnWriteArrayList<>();
  private String url;

  @BeforeEach
  void start() throws Exception {
    url = RealServices.freshDatabaseUrl();
    connector = new LeadsConnector();
    for (int i = 0; i < 2; i++) {
      outboxes.add(open(Clock.systemUTC()));
    }
    outboxes.get(0).put(ChannelRoute.CHANNEL, EscalationDeliveryTest.CHANNEL,
        new ChannelRoute(connector.serviceUrl(), EscalationDeliveryTest.TENANT, "team-id").toJson());
  }

  private H2Outbox open(Clock clock) {
    return H2Outbox.open(Database.postgres(RealServices.asSetting(url), "test"), Redactor.defaults(), clock);
  }

  @AfterEach
  void stop() throws Exception {
    senders.forEach(EscalationSender::close);
    outboxes.forEach(Outbox::close);
    if (connector != null) { // null when no PostgreSQL is given: the test was skipped
      connector.close();
    }
  }

  private void startSenders() {
    for (H2Outbox outbox : outboxes) {
      TeamsChannelPoster poster = new TeamsChannelPoster(EscalationDeliveryTest.CHANNEL, "", "", "", outbox,
          Duration.ofSeconds(2), Clock.systemUTC());
      senders.add(new EscalationSender(outbox, poster, (key, text) -> told.add(key + " " + text),
          EscalationDeliveryTest.FAST, Clock.systemUTC()).start());
    }
  }

  private static Agent agent(int i) {
    return new Agent(EscalationDeliveryTest.TENANT + "/agent-" + i, "agent-" + i, "Agente" + i, null);
  }

  @Test
  void twoSendersThroughAConnectorFailingAThirdOfTheTimePostEveryEscalationExactlyOnce() throws Exception {
    connector.failing(0.3);
    int count = 120;
    startSenders();
    for (int i = 0; i < count; i++) {
      outboxes.get(i % 2).enqueue(agent(i), EscalationDeliveryTest.request(""));
    }
    LeadsConnector.await(() -> outboxes.get(1).countByState(Instant.EPOCH).getOrDefault(State.POSTED, 0L) == count, 60_000);
    Map<Long, Integer> cards = new ConcurrentHashMap<>();
    connector.cards.forEach(body -> {
      Matcher m = TAKE.matcher(body.toString());
      assertTrue(m.find(), "a take button in every card");
      cards.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
    });
    assertEquals(count, cards.size(), "every escalation in the channel");
    assertTrue(cards.values().stream().allMatch(n -> n == 1), "none twice: " + cards);
    long failed = connector.channelPosts().stream().filter(c -> c.status() == 503).count();
    assertTrue(failed > count / 10, "the connector did fail: " + failed);
  }

  @Test
  void twoLeadsTakingOnTwoInstancesAtOnceGiveOneTakeOverAndOneNoticeToTheAgent() throws Exception {
    int count = 30;
    List<Escalation> escalations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      escalations.add(outboxes.get(i % 2).enqueue(agent(i), EscalationDeliveryTest.request("")));
    }
    startSenders();
    LeadsConnector.await(() -> outboxes.get(1).countByState(Instant.EPOCH).getOrDefault(State.POSTED, 0L) == count, 20_000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (Escalation e : escalations) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outbox.Take>> takes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          H2Outbox outbox = outboxes.get(i);
          String lead = "Lead" + i;
          takes.add(pool.submit(() -> {
            go.await();
            return outbox.take(e.id(), lead.toLowerCase(), lead, null, null);
          }));
        }
        go.countDown();
        int won = 0;
        for (Future<Outbox.Take> t : takes) {
          won += t.get().won() ? 1 : 0;
        }
        assertEquals(1, won, "escalation " + e.id() + " taken once");
      }
    } finally {
      pool.shutdownNow();
    }
    LeadsConnector.await(() -> told.stream().filter(t -> t.contains("è stata presa in carico")).count() >= count,
        10_000);
    Thread.sleep(300); // both senders poll every 20 ms: a second notice would be here by now
    for (Escalation e : escalations) {
      String agentKey = agent((int) (escalations.indexOf(e))).key();
      assertEquals(1, told.stream().filter(t -> t.startsWith(agentKey + " ") && t.contains("è stata presa in carico"))
          .count(), "one take-over notice for " + agentKey + ": " + told);
      assertEquals(1, told.stream().filter(t -> t.startsWith(agentKey + " ") && t.contains("è nel canale dei TL"))
          .count(), "one posted notice for " + agentKey);
    }
  }

  @Test
  void anEscalationLeftSendingByAStoppedInstanceBecomesUncertainOnlyWhenItsLeaseRunsOut() throws Exception {
    Escalation e = outboxes.get(0).enqueue(agent(1), EscalationDeliveryTest.request(""));
    assertTrue(outboxes.get(0).claim(e.id()).isPresent()); // instance 0 dies with the post in flight
    assertEquals(0, outboxes.get(1).expireLeases(), "the lease still runs: the other instance waits");
    assertEquals(State.SENDING, outboxes.get(1).find(e.id()).orElseThrow().state());
    H2Outbox later = open(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3)));
    outboxes.add(later);
    assertEquals(State.UNCERTAIN, later.find(e.id()).orElseThrow().state(), "opened after the lease: uncertain");
    assertEquals(State.UNCERTAIN, outboxes.get(1).find(e.id()).orElseThrow().state());
  }

  @Test
  void supervisorsFiguresAndRetentionWorkOnPostgres() {
    H2Outbox one = outboxes.get(0);
    Escalation e = one.enqueue(agent(1), EscalationDeliveryTest.request("nota"));
    one.enqueue(agent(2), EscalationDeliveryTest.request(""));
    assertTrue(one.take(e.id(), "lead", "Lead", "conv", "act").won());
    H2Outbox two = outboxes.get(1);
    assertEquals(1, two.open().size(), "the taken one is no longer open");
    assertEquals(1, two.ofAgent(agent(1).key(), 5).size());
    assertEquals(1, two.countByState(Instant.EPOCH).get(State.TAKEN));
    assertEquals(1, two.takeOvers(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60)).size());
    assertEquals(1, two.purge(java.time.Instant.now().plusSeconds(60)));
    assertTrue(two.find(e.id()).isEmpty());
    assertEquals(1, two.countByState(Instant.EPOCH).values().stream().mapToLong(Long::longValue).sum());
  }
}
