package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.slf4j.LoggerFactory;
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
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger("it.vademecum");
    logs.start();
    try (BotUnderTest bot = new BotUnderTest(null, null)) {
      ObjectNode a = bot.message("bonifico di 600 euro non registrato");
      a.put("serviceUrl", "http://127.0.0.1:" + closed + "/_connector");
      root.addAppender(logs);
      BotUnderTest.Answer r = bot.post(a);
      root.detachAppender(logs);
      assertEquals(502, r.status(), r.body());
      assertEquals("{\"error\":\"Connector unavailable\"}", r.body(), "no internals");
      List<ILoggingEvent> warnings = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
      assertEquals(1, warnings.size(), "one line per failed request: " + warnings);
      assertNull(warnings.get(0).getThrowableProxy(), "no stack trace");
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
