package it.vademecum.dashboard;

import com.auth0.jwk.Jwk;
import com.auth0.jwk.JwkException;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Checks the Teams single sign-on token the tab sends (an Azure AD v2 access token for this app):
 * RS256 signature by a key the OpenID document of Microsoft's identity platform publishes, the
 * issuer of the token's own tenant, the audience (this app's id), the validity period, and the
 * tenant when one is configured. Only v2 tokens: the app registration sets
 * {@code accessTokenAcceptedVersion} to 2.
 */
final class SsoTokens {

  /** Microsoft's identity platform for work accounts of any tenant (its issuer names {tenantid}). */
  static final String ORGANIZATIONS = "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration";
  private static final Duration DOCUMENT_FOR = Duration.ofHours(24);
  private static final long LEEWAY_SECONDS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The person the token speaks for. */
  record Identity(String objectId, String upn, String name, String tenantId) {}

  /** Why a token is refused, for the log (never the token itself). */
  static final class Rejected extends Exception {
    Rejected(String reason) {
      super(reason);
    }
  }

  /** The identity platform could not be asked (network, bad document): not the user's fault. */
  static final class Unavailable extends Exception {
    Unavailable(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  private record Document(String issuer, JwkProvider keys, Instant fetched) {}

  private final String appId;
  private final String tenantId;
  private final String openIdUrl;
  private final OkHttpClient http;
  private volatile Document document;

  /**
   * @param tenantId the only tenant let in, or blank for any (SUPERVISORS still decides who)
   * @param openIdUrl the OpenID configuration document; {@link #ORGANIZATIONS} in production
   */
  SsoTokens(String appId, String tenantId, String openIdUrl) {
    this.appId = appId.strip();
    this.tenantId = tenantId == null ? "" : tenantId.strip();
    this.openIdUrl = openIdUrl;
    this.http = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
  }

  /** The OpenID document for the configured tenant, or for any work account without one. */
  static String openIdUrl(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? ORGANIZATIONS
        : "https://login.microsoftonline.com/" + tenantId.strip() + "/v2.0/.well-known/openid-configuration";
  }

  Identity verify(String token) throws Rejected, Unavailable {
    DecodedJWT unverified;
    try {
      unverified = JWT.decode(token);
    } catch (JWTVerificationException e) {
      throw new Rejected("not a JWT");
    }
    String tid = unverified.getClaim("tid").asString();
    if (tid == null || tid.isBlank()) {
      throw new Rejected("no tenant claim");
    }
    if (!tenantId.isEmpty() && !tenantId.equalsIgnoreCase(tid)) {
      throw new Rejected("foreign tenant");
    }
    Document doc = document();
    String issuer = doc.issuer().replace("{tenantid}", tid);
    DecodedJWT jwt;
    try {
      jwt = JWT.require(Algorithm.RSA256(keys(doc.keys()))).withIssuer(issuer).acceptLeeway(LEEWAY_SECONDS)
          .build().verify(token);
    } catch (JWTVerificationException e) {
      throw new Rejected(e.getClass().getSimpleName());
    }
    if (jwt.getExpiresAt() == null) {
      throw new Rejected("no expiry");
    }
    List<String> audience = jwt.getAudience();
    if (audience == null || audience.stream().noneMatch(this::isThisApp)) {
      throw new Rejected("audience is another app");
    }
    String oid = jwt.getClaim("oid").asString();
    if (oid == null || oid.isBlank()) {
      throw new Rejected("no object id");
    }
    return new Identity(oid, jwt.getClaim("preferred_username").asString(), jwt.getClaim("name").asString(), tid);
  }

  /** A v2 access token names the app by its id (a v1 token would name the api:// URI, and is refused). */
  private boolean isThisApp(String aud) {
    return aud.equalsIgnoreCase(appId);
  }

  private static RSAKeyProvider keys(JwkProvider provider) {
    return new RSAKeyProvider() {
      @Override
      public RSAPublicKey getPublicKeyById(String keyId) {
        try {
          Jwk jwk = provider.get(keyId);
          return (RSAPublicKey) jwk.getPublicKey();
        } catch (JwkException | ClassCastException e) {
          return null;
        }
      }

      @Override
      public RSAPrivateKey getPrivateKey() {
        return null;
      }

      @Override
      public String getPrivateKeyId() {
        return null;
      }
    };
  }

  private Document document() throws Unavailable {
    Document d = document;
    if (d != null && d.fetched().plus(DOCUMENT_FOR).isAfter(Instant.now())) {
      return d;
    }
    try (Response r = http.newCall(new Request.Builder().url(openIdUrl).build()).execute()) {
      if (!r.isSuccessful() || r.body() == null) {
        throw new Unavailable("OpenID document: HTTP " + r.code(), null);
      }
      JsonNode json = JSON.readTree(r.body().string());
      String issuer = json.path("issuer").asText("");
      String jwks = json.path("jwks_uri").asText("");
      if (issuer.isEmpty() || jwks.isEmpty()) {
        throw new Unavailable("OpenID document without issuer or jwks_uri", null);
      }
      d = new Document(issuer, new JwkProviderBuilder(new URL(jwks)).cached(10, 24, TimeUnit.HOURS)
          .rateLimited(10, 1, TimeUnit.MINUTES).build(), Instant.now());
      document = d;
      return d;
    } catch (IOException e) {
      throw new Unavailable("OpenID document: " + e.getClass().getSimpleName(), e);
    }
  }
}
