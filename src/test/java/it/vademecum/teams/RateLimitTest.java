package it.vademecum.teams;

import it.vademecum.config.TypedSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One agent flooding is slowed with a polite note; the others are not touched. */
class RateLimitTest {

  @Test
  void aBurstPassesThenTheAgentIsToldOnceAndDroppedQuietly() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(new RateLimiter.Policy(3, 1), now::get);
    for (int i = 0; i < 3; i++) {
      assertEquals(RateLimiter.Decision.ALLOW, limiter.acquire("a"));
    }
    assertEquals(RateLimiter.Decision.REFUSE_AND_TELL, limiter.acquire("a"));
    assertEquals(RateLimiter.Decision.REFUSE_QUIETLY, limiter.acquire("a"));
    assertEquals(RateLimiter.Decision.ALLOW, limiter.acquire("b"), "another agent has its own bucket");
    now.addAndGet(1_000_000_000L);
    assertEquals(RateLimiter.Decision.ALLOW, limiter.acquire("a"), "one token a second");
    assertEquals(RateLimiter.Decision.REFUSE_QUIETLY, limiter.acquire("a"), "told once per window");
    now.addAndGet(RateLimiter.TELL_EVERY.toNanos());
    for (int i = 0; i < 3; i++) {
      assertEquals(RateLimiter.Decision.ALLOW, limiter.acquire("a"));
    }
    assertEquals(RateLimiter.Decision.REFUSE_AND_TELL, limiter.acquire("a"), "told again after the window");
  }

  @Test
  void thePolicyComesFromTheSettingsAndZeroTurnsItOff() {
    RateLimiter.Policy p = RateLimiter.Policy.from(TypedSettings.RateLimits.from(Settings.load(Map.of(
        "RATE_LIMIT_BURST", "5", "RATE_LIMIT_PER_SECOND", "0.5"), Path.of("no.env"))));
    assertEquals(new RateLimiter.Policy(5, 0.5), p);
    RateLimiter off = new RateLimiter(RateLimiter.Policy.from(TypedSettings.RateLimits.from(
        Settings.load(Map.of("RATE_LIMIT_PER_SECOND", "0"), Path.of("no.env")))));
    for (int i = 0; i < 1_000; i++) {
      assertEquals(RateLimiter.Decision.ALLOW, off.acquire("a"));
    }
  }

  @Test
  void overHttpTheFlooderGetsOnePoliteNoteAndOthersAreServed() throws Exception {
    try (BotUnderTest bot = new BotUnderTest(null, null)) {
      bot.server.rateLimit(new RateLimiter(new RateLimiter.Policy(5, 0.001)));
      int answered = 0;
      int notes = 0;
      for (int i = 0; i < 40; i++) {
        assertEquals(200, bot.post(bot.message("pagamento non registrato")).status());
        for (JsonNode sent : bot.connector.sent()) {
          if (sent.path("text").asText().startsWith("Stai scrivendo troppo in fretta")) {
            notes++;
          } else {
            answered++;
          }
        }
      }
      assertEquals(5, answered, "the burst is served");
      assertEquals(1, notes, "one polite note, then quiet");
      BotUnderTest.Answer click = bot.post(bot.execute("k:aiuto"));
      assertEquals(200, click.status());
      assertTrue(click.body().contains("Stai scrivendo troppo in fretta"), click.body());
      ObjectNode other = bot.message("pagamento non registrato");
      ((ObjectNode) other.get("from")).put("aadObjectId", "another-agent");
      assertEquals(200, bot.post(other).status());
      List<JsonNode> sent = bot.connector.sent();
      assertEquals(1, sent.size());
      assertTrue(Replies.text(Replies.card(sent.get(0))).contains("Come ha pagato il cliente?"));
    }
  }
}
