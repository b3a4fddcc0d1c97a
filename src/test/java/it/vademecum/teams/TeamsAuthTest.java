package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With a Microsoft App id the SDK's JWT validation guards /api/messages. The Bot Framework's
 * OpenID metadata is played by a local server publishing our own signing key, so a token signed
 * here is a valid channel token and one signed with another key is not.
 */
class TeamsAuthTest {

  static final String APP_ID = "11111111-2222-3333-4444-555555555555";
  private static MockWebServer openId;
  private static KeyPair key;
  private static KeyPair otherKey;
  private static String originalMetadataUrl;

  @BeforeAll
  static void publishKeys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    key = g.generateKeyPair();
    otherKey = g.generateKeyPair();
    openId = new MockWebServer();
    openId.setServerSocketFactory(new FakeConnector.NoDelayServerSocketFactory());
    openId.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String base = "http://127.0.0.1:" + openId.getPort();
        if (r.getPath().startsWith("/openid")) {
          return new MockResponse().setHeader("Content-Type", "application/json").setBody(
              "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + base + "/keys\","
                  + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        }
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(
            "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"k1\",\"n\":\"" + b64(pub.getModulus())
                + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"endorsements\":[\"msteams\"]}]}");
      }
    });
    openId.start(InetAddress.getLoopbackAddress(), 0);
    originalMetadataUrl = ChannelValidation.getOpenIdMetaDataUrl();
    ChannelValidation.setOpenIdMetaDataUrl("http://127.0.0.1:" + openId.getPort() + "/openid");
  }

  @AfterAll
  static void restore() throws Exception {
    ChannelValidation.setOpenIdMetaDataUrl(originalMetadataUrl);
    openId.shutdown();
  }

  private static String b64(BigInteger n) {
    byte[] bytes = n.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A channel token as the Bot Framework would send it, signed with the given key. */
  private static String token(KeyPair signer, String serviceUrl) {
    Instant now = Instant.now();
    return "Bearer " + JWT.create().withKeyId("k1").withIssuer("https://api.botframework.com")
        .withAudience(APP_ID).withClaim("serviceurl", serviceUrl)
        .withNotBefore(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(600)))
        .sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
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
    try (BotUnderTest bot = new BotUnderTest(APP_ID, null)) {
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
    try (BotUnderTest bot = new BotUnderTest(APP_ID, null)) {
      ObjectNode a = silent(bot);
      BotUnderTest.Answer r = bot.post(a.toString(), token(key, bot.connector.serviceUrl()));
      assertEquals(200, r.status(), r.body());
    }
  }

  @Test
  void anotherTenantIs403() throws Exception {
    try (BotUnderTest bot = new BotUnderTest(APP_ID, "99999999-0000-0000-0000-000000000009")) {
      BotUnderTest.Answer r = bot.post(silent(bot).toString(), token(key, bot.connector.serviceUrl()));
      assertEquals(403, r.status(), r.body());
      assertEquals(401, bot.post(silent(bot).toString(), null).status(), "authentication comes first");
    }
    try (BotUnderTest bot = new BotUnderTest(APP_ID, BotUnderTest.TENANT)) {
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
