package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.bot.builder.Bot;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** `serve` listens while the dialogs load: "starting" until the bot is in place, then a normal turn. */
class StartingServerTest {

  @Test
  void answers503StartingUntilTheBotIsReadyThenServesTurns() throws Exception {
    PendingBot pending = new PendingBot();
    AtomicReference<Bot> real = new AtomicReference<>();
    try (BotUnderTest bot = new BotUnderTest(null, null, b -> {
      real.set(b);
      return pending;
    })) {
      BotUnderTest.Answer health = bot.get("/healthz");
      assertEquals(503, health.status());
      assertEquals("starting", health.json().path("status").asText());
      BotUnderTest.Answer early = bot.post(bot.message("pec piena"));
      assertEquals(503, early.status());
      assertEquals(0, bot.connector.sent().size(), "nothing is sent before the bot is ready");

      pending.ready(real.get());
      assertEquals(200, bot.get("/healthz").status());
      assertEquals(200, bot.post(bot.message("pec piena")).status());
      assertTrue(bot.connector.sent().size() >= 1, "the turn was answered");
    }
  }
}
