package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A dead or hanging Teams connector: the agent's request still returns within the turn bound. */
class ConnectorFaultsTest {

  @Test
  void aDeadConnectorIsA502AtOnce() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (BotUnderTest bot = new BotUnderTest(null, null)) {
      ObjectNode a = bot.message("bonifico di 600 euro non registrato");
      a.put("serviceUrl", "http://127.0.0.1:" + closed + "/_connector");
      BotUnderTest.Answer r = bot.post(a);
      assertEquals(502, r.status(), r.body());
      assertEquals(200, bot.post(bot.message("aiuto")).status(), "the server goes on");
    }
  }

  @Test
  void aHangingConnectorIsCutAtTheTurnTimeout() throws Exception {
    try (BotUnderTest bot = new BotUnderTest(null, null)) {
      bot.server.turnTimeout(Duration.ofMillis(1_500));
      assertEquals(200, bot.post(bot.message("aiuto")).status(), "warm: classes loaded, connections open");
      bot.connector.drain();
      bot.connector.delayMs = 6_000;
      BotUnderTest.Answer r = bot.post(bot.message("bonifico di 600 euro non registrato"));
      assertEquals(504, r.status(), r.body());
      bot.connector.delayMs = 0;
      ObjectNode other = bot.message("ricomincia");
      ((ObjectNode) other.get("from")).put("aadObjectId", "another-agent");
      BotUnderTest.Answer after = bot.post(other);
      assertEquals(200, after.status(), "the server goes on once the connector is back");
    }
  }
}
