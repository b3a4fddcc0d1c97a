package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With a Microsoft App id the SDK's JWT validation guards /api/messages. The Bot Framework's
 * OpenID metadata is played by a local server publishing our own signing key, so a token signed
 * here is a valid channel token and one signed with another key is not.
 */
class TeamsAuthTest {

  static final String APP_ID = OpenIdServer.APP_ID;
  private static OpenIdServer openId;
  private static KeyPair key;
  private static KeyPair otherKey;

  @BeforeAll
  static void publishKeys() throws Exception {
    openId = new OpenIdServer();
    key = openId.key;
    otherKey = openId.otherKey;
  }

  @AfterAll
  static void restore() throws Exception {
    openId.close();
  }

  /** Once the server has the signing keys (fetched in the background at start). */
  static BotUnderTest ready(BotUnderTest bot) throws InterruptedException {
    assertTrue(bot.server.awaitSigningKeys(Duration.ofSeconds(10)), "signing keys fetched");
    return bot;
  }

  private static String token(KeyPair signer, String serviceUrl) {
    return OpenIdServer.token(signer, "k1", serviceUrl);
  }

  /**
   * An activity the bot accepts without calling the connector (a typing indicator): with real
   * credentials a reply would first fetch an outgoing token from Entra ID, which a test cannot.
   */
  private static ObjectNode silent(BotUnderTest bot) throws Exception {
    ObjectNode a = bot.fixture("personal-message");
    a.put("type", "typing");
    a.remove("text");
    return a;
  }

  @Test
  void withCredentialsAMissingOrInvalidTokenIs401() throws Exception {
    try (BotUnderTest bot = ready(new BotUnderTest(APP_ID, null))) {
      String body = bot.message("bonifico di 600 euro non registrato").toString();
      assertEquals(401, bot.post(body, null).status());
      assertEquals(401, bot.post(body, "Bearer not-a-jwt").status());
      assertEquals(401, bot.post(body, token(otherKey, bot.connector.serviceUrl())).status(),
          "signed with a key the Bot Framework does not publish");
      assertEquals(0, bot.connector.requestCount(), "nothing reaches the bot");
      assertEquals(200, bot.get("/healthz").status());
      assertEquals("authenticated", bot.get("/healthz").json().path("mode").asText());
    }
  }

  @Test
  void withCredentialsAValidChannelTokenIsAccepted() throws Exception {
    try (BotUnderTest bot = ready(new BotUnderTest(APP_ID, null))) {
      ObjectNode a = silent(bot);
      BotUnderTest.Answer r = bot.post(a.toString(), token(key, bot.connector.serviceUrl()));
      assertEquals(200, r.status(), r.body());
    }
  }

  @Test
  void aTokenFromTheEmulatorsIssuerIs401WithoutTheSdkFetchingAnything() throws Exception {
    ListAppender<ILoggingEvent> sdkLogs = new ListAppender<>();
    Logger sdk = (Logger) LoggerFactory.getLogger("com.microsoft.bot");
    sdkLogs.start();
    sdk.addAppender(sdkLogs);
    try (BotUnderTest bot = ready(new BotUnderTest(APP_ID, null))) {
      // Signed with the published key, for the app, but issued as Entra ID issues Emulator tokens.
      Instant now = Instant.now();
      String emulator = "Bearer " + JWT.create().withKeyId("k1")
          .withIssuer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/").withAudience(APP_ID)
          .withClaim("ver", "1.0").withClaim("appid", APP_ID)
          .withNotBefore(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(600)))
          .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
      for (int i = 0; i < 3; i++) {
        assertEquals(401, bot.post(silent(bot).toString(), emulator).status());
      }
      assertEquals(0, bot.connector.requestCount(), "nothing reaches the bot");
      // The SDK's own validation would fetch Entra ID's metadata on the request thread and log its failure.
      assertEquals(List.of(), sdkLogs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    } finally {
      sdk.detachAppender(sdkLogs);
    }
  }

  @Test
  void aHungOpenIdEndpointAtStartAnswers503AtOnceAndTheKeysComeLater() throws Exception {
    openId.mode(OpenIdServer.Mode.HANG);
    try (BotUnderTest bot = new BotUnderTest(APP_ID, null)) {
      BotUnderTest.Answer r = bot.post(silent(bot).toString(), token(key, bot.connector.serviceUrl()));
      assertEquals(503, r.status(), r.body());
      assertTrue(r.millis() < 1000, "answered in " + r.millis() + " ms, not after the turn timeout");
      assertEquals(200, bot.get("/healthz").status());
      assertEquals("degraded", bot.get("/healthz").json().path("status").asText());
    } finally {
      openId.mode(OpenIdServer.Mode.OK);
    }
  }

  @Test
  void anotherTenantIs403() throws Exception {
    try (BotUnderTest bot = ready(new BotUnderTest(APP_ID, "99999999-0000-0000-0000-000000000009"))) {
      BotUnderTest.Answer r = bot.post(silent(bot).toString(), token(key, bot.connector.serviceUrl()));
      assertEquals(403, r.status(), r.body());
      assertEquals(401, bot.post(silent(bot).toString(), null).status(), "authentication comes first");
    }
    try (BotUnderTest bot = ready(new BotUnderTest(APP_ID, BotUnderTest.TENANT))) {
      BotUnderTest.Answer r = bot.post(silent(bot).toString(), token(key, bot.connector.serviceUrl()));
      assertEquals(200, r.status(), "the configured tenant is let in: " + r.body());
    }
  }

  @Test
  void withoutCredentialsThereIsNoAuthButTheTenantIsStillChecked() throws Exception {
    try (BotUnderTest bot = new BotUnderTest(null, "99999999-0000-0000-0000-000000000009")) {
      assertEquals(403, bot.post(bot.message("aiuto")).status());
    }
    try (BotUnderTest bot = new BotUnderTest(null, null)) {
      BotUnderTest.Answer r = bot.post(bot.message("aiuto"));
      assertEquals(200, r.status());
      assertTrue(Replies.isCard(bot.connector.sent().get(0)));
    }
  }
}
