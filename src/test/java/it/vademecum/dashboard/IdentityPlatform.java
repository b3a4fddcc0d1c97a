package it.vademecum.dashboard;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Microsoft's identity platform played on loopback: an OpenID configuration document whose issuer
 * names {tenantid}, as the "organizations" one does, and the key set with our signing key. Tokens
 * signed here with {@link #key} are as valid as Teams SSO tokens; with {@link #otherKey} they are not.
 */
final class IdentityPlatform implements AutoCloseable {

  static final String APP_ID = "6f1c3c5e-8a7d-4b2e-9c1f-2d3e4f5a6b7c";
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  final KeyPair key;
  final KeyPair otherKey;
  final AtomicInteger documentReads = new AtomicInteger();
  private final MockWebServer server = new MockWebServer();

  IdentityPlatform() throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    key = g.generateKeyPair();
    otherKey = g.generateKeyPair();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getPath().endsWith("/.well-known/openid-configuration")) {
          documentReads.incrementAndGet();
          return json("{\"issuer\":\"" + base() + "/{tenantid}/v2.0\",\"jwks_uri\":\"" + base() + "/keys\","
              + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        }
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        return json("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"k1\",\"n\":\"" + b64(pub.getModulus())
            + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}");
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  String openIdUrl() {
    return base() + "/organizations/v2.0/.well-known/openid-configuration";
  }

  /** A Teams SSO token for this app, this tenant and the given person, valid for ten minutes. */
  JWTCreator.Builder claims(String objectId, String upn) {
    Instant now = Instant.now();
    return JWT.create().withKeyId("k1").withIssuer(base() + "/" + TENANT + "/v2.0").withAudience(APP_ID)
        .withClaim("tid", TENANT).withClaim("oid", objectId).withClaim("preferred_username", upn)
        .withClaim("name", "Nome Cognome").withClaim("ver", "2.0")
        .withNotBefore(Date.from(now.minusSeconds(60))).withIssuedAt(Date.from(now.minusSeconds(60)))
        .withExpiresAt(Date.from(now.plusSeconds(600)));
  }

  String sign(JWTCreator.Builder claims, KeyPair signer) {
    return claims.sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
  }

  String token(String objectId, String upn) {
    return sign(claims(objectId, upn), key);
  }

  private static String b64(BigInteger n) {
    byte[] bytes = n.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
