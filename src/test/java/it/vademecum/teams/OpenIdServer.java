package it.vademecum.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * The Bot Framework's OpenID metadata played by a local server publishing our own signing key
 * ("k1"), so that a token signed here is a valid channel token; it can be told to hang or fail.
 * While open, the SDK's metadata URL points at it.
 */
final class OpenIdServer implements AutoCloseable {

  static final String APP_ID = "11111111-2222-3333-4444-555555555555";

  /** How the server answers. */
  enum Mode { OK, HANG, FAIL }

  final KeyPair key;
  final KeyPair otherKey;
  private final MockWebServer server = new MockWebServer();
  private final String originalUrl;
  private final AtomicInteger metadataRequests = new AtomicInteger();
  private volatile Mode mode = Mode.OK;

  OpenIdServer() throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    key = g.generateKeyPair();
    otherKey = g.generateKeyPair();
    server.setServerSocketFactory(new FakeConnector.NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getPath().startsWith("/openid")) {
          metadataRequests.incrementAndGet();
        }
        switch (mode) {
          case HANG:
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
          case FAIL:
            return new MockResponse().setResponseCode(500);
          default:
            break;
        }
        if (r.getPath().startsWith("/openid")) {
          return new MockResponse().setHeader("Content-Type", "application/json").setBody(
              "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + url() + "/keys\","
                  + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        }
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(
            "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"k1\",\"n\":\"" + b64(pub.getModulus())
                + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"endorsements\":[\"msteams\"]}]}");
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
    originalUrl = ChannelValidation.getOpenIdMetaDataUrl();
    ChannelValidation.setOpenIdMetaDataUrl(metadataUrl());
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  String metadataUrl() {
    return url() + "/openid";
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  int metadataRequests() {
    return metadataRequests.get();
  }

  private static String b64(BigInteger n) {
    byte[] bytes = n.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A channel token as the Bot Framework would send it, signed with the given key under a key id. */
  static String token(KeyPair signer, String keyId, String serviceUrl) {
    Instant now = Instant.now();
    return "Bearer " + JWT.create().withKeyId(keyId).withIssuer("https://api.botframework.com")
        .withAudience(APP_ID).withClaim("serviceurl", serviceUrl)
        .withNotBefore(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(600)))
        .sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
  }

  String token(String serviceUrl) {
    return token(key, "k1", serviceUrl);
  }

  @Override
  public void close() throws IOException {
    ChannelValidation.setOpenIdMetaDataUrl(originalUrl);
    server.shutdown();
  }
}
