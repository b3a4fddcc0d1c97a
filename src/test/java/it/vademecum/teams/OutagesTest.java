package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.vademecum.CuttableProxy;
import it.vademecum.RealServices;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationSender;
import it.vademecum.escalation.EscalationTexts;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.OutboxSink;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.redis.Redis;
import it.vademecum.session.RedisSessionStore;
import it.vademecum.store.Database;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redis or PostgreSQL lost for a while behind a real network cut, then back: no restart. */
class OutagesTest {

  private static CuttableProxy proxyTo(String url) throws Exception {
    URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
    return new CuttableProxy(uri.getHost(), uri.getPort());
  }

  @Test
  void withRedisLostTheAgentReadsWhyAndTheConversationGoesOnWhenItIsBack() throws Exception {
    String url = RealServices.redisUrl();
    try (CuttableProxy proxy = proxyTo(url); Redis redis = Redis.connect("redis://127.0.0.1:" + proxy.port());
        BotUnderTest bot = new BotUnderTest(new RedisSessionStore(redis, Duration.ofHours(8)))) {
      assertEquals(200, bot.post(bot.message("pagamento non registrato")).status());
      JsonNode q1 = Replies.card(bot.connector.sent().get(0));
      proxy.cut();
      assertFalse(redis.reachable());
      BotUnderTest.Answer during = bot.post(bot.submit(Replies.buttons(q1).get("Bonifico")));
      assertEquals(200, during.status());
      List<JsonNode> sent = bot.connector.sent();
      assertEquals(1, sent.size());
      String text = Replies.text(Replies.card(sent.get(0)));
      assertTrue(text.contains("Non riesco a raggiungere l'archivio delle conversazioni"), text);
      proxy.restore();
      LeadsConnector.await(redis::reachable, 15_000);
      assertEquals(200, bot.post(bot.submit(Replies.buttons(q1).get("Bonifico"))).status());
      String after = Replies.text(Replies.card(bot.connector.sent().get(0)));
      assertTrue(after.contains("L'importo del bonifico supera 500 €?"), "the same conversation goes on: " + after);
    }
  }

  @Test
  void withPostgresLostAStoredEscalationWaitsAndIsPostedWhenItIsBack() throws Exception {
    String url = RealServices.freshDatabaseUrl();
    try (CuttableProxy proxy = proxyTo(url); LeadsConnector connector = new LeadsConnector()) {
      String viaProxy = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
      Database health = Database.postgres(RealServices.asSetting(viaProxy), "health");
      H2Outbox outbox = H2Outbox.open(Database.postgres(RealServices.asSetting(viaProxy), "o"), Redactor.defaults(),
          Clock.systemUTC());
      outbox.put(ChannelRoute.CHANNEL, EscalationDeliveryTest.CHANNEL,
          new ChannelRoute(connector.serviceUrl(), EscalationDeliveryTest.TENANT, "team-id").toJson());
      Escalation kept = outbox.enqueue(EscalationDeliveryTest.AGENT, EscalationDeliveryTest.request(""));
      proxy.cut();
      assertFalse(health.reachable());
      TeamsChannelPoster poster = new TeamsChannelPoster(EscalationDeliveryTest.CHANNEL, "", "", "", outbox,
          Duration.ofSeconds(2), Clock.systemUTC());
      try (EscalationSender sender = new EscalationSender(outbox, poster, (k, t) -> true,
          EscalationDeliveryTest.FAST, Clock.systemUTC()).start()) {
        Thread.sleep(500); // the sender polls through the outage without giving up
        assertEquals(0, connector.cards.size());
        proxy.restore();
        LeadsConnector.await(() -> {
          try {
            return outbox.find(kept.id()).map(e -> e.state() == State.POSTED).orElse(false);
          } catch (RuntimeException e) {
            return false;
          }
        }, 20_000);
        assertEquals(1, connector.cards.size(), "posted once, when the database was back");
        assertTrue(health.reachable());
      } finally {
        outbox.close();
        health.close();
      }
    }
  }

  @Test
  void anEscalationConfirmedWhilePostgresIsLostIsKeptAndPostedOnceWhenItIsBack() throws Exception {
    String url = RealServices.freshDatabaseUrl();
    try (CuttableProxy proxy = proxyTo(url); LeadsConnector connector = new LeadsConnector()) {
      String viaProxy = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
      H2Outbox outbox = H2Outbox.open(Database.postgres(RealServices.asSetting(viaProxy), "o"), Redactor.defaults(),
          Clock.systemUTC());
      outbox.put(ChannelRoute.CHANNEL, EscalationDeliveryTest.CHANNEL,
          new ChannelRoute(connector.serviceUrl(), EscalationDeliveryTest.TENANT, "team-id").toJson());
      TeamsChannelPoster poster = new TeamsChannelPoster(EscalationDeliveryTest.CHANNEL, "", "", "", outbox,
          Duration.ofSeconds(2), Clock.systemUTC());
      try (EscalationSender sender = new EscalationSender(outbox, poster, (k, t) -> true,
          EscalationDeliveryTest.FAST, Clock.systemUTC()).start()) {
        OutboxSink sink = new OutboxSink(outbox, poster, sender::wake);
        proxy.cut();
        List<String> told = sink.submit(EscalationDeliveryTest.AGENT, EscalationDeliveryTest.request(""));
        assertEquals(List.of(EscalationTexts.WAITING_FOR_DATABASE), told);
        assertTrue(told.get(0).contains("in coda, la invio appena il database torna disponibile"), told.get(0));
        assertEquals(1, sink.waiting());
        proxy.restore();
        LeadsConnector.await(() -> connector.cards.size() == 1, 30_000);
        assertEquals(0, sink.waiting(), "stored once the database answered");
        assertEquals(1L, outbox.countByState(java.time.Instant.EPOCH).values().stream().mapToLong(Long::longValue).sum(),
            "stored once");
        LeadsConnector.await(() -> outbox.find(1).map(e -> e.state() == State.POSTED).orElse(false), 10_000);
        assertEquals(1, connector.cards.size(), "posted once");
      } finally {
        outbox.close();
      }
    }
  }
}
