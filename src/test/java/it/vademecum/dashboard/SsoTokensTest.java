package it.vademecum.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.supervisor.Roles;
import it.vademecum.usage.UsageLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With credentials the figures need a Teams SSO token that the identity platform's keys sign, for
 * this app and tenant, of someone in SUPERVISORS. Everyone else gets an Italian refusal.
 */
class SsoTokensTest {

  static final String SUPERVISOR = "00000000-0000-0000-0000-00000000aaaa";
  static final String AGENT = "00000000-0000-0000-0000-00000000bbbb";
  private static IdentityPlatform idp;
  private static StatsApi api;

  @BeforeAll
  static void start() throws Exception {
    idp = new IdentityPlatform();
    api = new StatsApi(new Dashboard(new Dashboard.Sources(UsageLog.disabled(), Optional.empty(), id -> id,
        ReviewDates.NONE, Suggestions.NONE), Clock.systemUTC(), Duration.ofDays(90), DashboardAccess.teams(
            new SsoTokens(IdentityPlatform.APP_ID, IdentityPlatform.TENANT, idp.openIdUrl()),
            new Roles(List.of(SUPERVISOR, "capo.turno@example.com")))));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    idp.close();
  }

  private static StatsApi.Answer overview(String token) throws Exception {
    return api.get(Dashboard.API + "overview", token == null ? null : "Bearer " + token);
  }

  @Test
  void aSupervisorsTokenByObjectIdOrUpnIsLetIn() throws Exception {
    assertEquals(200, overview(idp.token(SUPERVISOR, "someone@example.com")).status());
    assertEquals(200, overview(idp.token(AGENT, "Capo.Turno@example.com")).status(), "listed by UPN");
  }

  @Test
  void aValidTokenOfSomeoneElseIsRefusedInItalian() throws Exception {
    StatsApi.Answer a = overview(idp.token(AGENT, "operatore@example.com"));
    assertEquals(403, a.status());
    assertEquals(DashboardAccess.RESERVED, a.json().path("error").asText());
  }

  @Test
  void noTokenAsksToOpenTheTabInTeams() throws Exception {
    StatsApi.Answer a = overview(null);
    assertEquals(401, a.status());
    assertEquals(DashboardAccess.SIGN_IN, a.json().path("error").asText());
    assertEquals(401, api.get(Dashboard.API + "overview", "Basic YTpi").status());
  }

  @Test
  void forgedWrongAudienceForeignTenantOrExpiredTokensAreRefused() throws Exception {
    Instant now = Instant.now();
    List<String> refused = List.of(
        idp.sign(idp.claims(SUPERVISOR, null), idp.otherKey),
        idp.sign(idp.claims(SUPERVISOR, null).withAudience("11111111-2222-3333-4444-555555555555"), idp.key),
        idp.sign(idp.claims(SUPERVISOR, null).withAudience("api://evil.example.com/x" + IdentityPlatform.APP_ID), idp.key),
        idp.sign(idp.claims(SUPERVISOR, null).withClaim("tid", "99999999-0000-0000-0000-000000000009")
            .withIssuer(idp.base() + "/99999999-0000-0000-0000-000000000009/v2.0"), idp.key),
        idp.sign(idp.claims(SUPERVISOR, null).withIssuer(idp.base() + "/99999999-0000-0000-0000-000000000009/v2.0"),
            idp.key),
        idp.sign(idp.claims(SUPERVISOR, null).withIssuer("https://sts.windows.net/" + IdentityPlatform.TENANT + "/"),
            idp.key),
        idp.sign(idp.claims(SUPERVISOR, null).withExpiresAt(Date.from(now.minusSeconds(3600)))
            .withNotBefore(Date.from(now.minusSeconds(7200))), idp.key),
        "not-a-jwt");
    for (String token : refused) {
      StatsApi.Answer a = overview(token);
      assertEquals(401, a.status(), token);
      assertEquals(DashboardAccess.INVALID, a.json().path("error").asText());
    }
  }

  @Test
  void aV1TokenNamingTheAppIdUriIsRefused() throws Exception {
    String token = idp.sign(idp.claims(SUPERVISOR, null)
        .withAudience("api://vademecum.example.it/" + IdentityPlatform.APP_ID), idp.key);
    assertEquals(401, overview(token).status());
  }

  @Test
  void theOpenIdDocumentIsReadOnceNotOnEveryRequest() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(200, overview(idp.token(SUPERVISOR, null)).status());
    }
    assertTrue(idp.documentReads.get() <= 1, "read " + idp.documentReads.get() + " times");
  }
}
