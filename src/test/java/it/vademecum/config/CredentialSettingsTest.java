package it.vademecum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A credential setting without a valid MicrosoftAppId would start the bot without authentication. */
class CredentialSettingsTest {

  private static Optional<String> problem(Map<String, String> values) {
    return new Settings(values).credentialsProblem();
  }

  @Test
  void anyCredentialSettingWithoutAnAppIdIsAProblemNamingMicrosoftAppId() {
    for (String name : new String[] {"MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"}) {
      Optional<String> p = problem(Map.of(name, "x", "MicrosoftAppId", " "));
      assertTrue(p.isPresent(), name);
      assertTrue(p.get().contains("MicrosoftAppId") && p.get().contains(name), p.get());
    }
    // A misspelled name leaves MicrosoftAppId unset: the password alone gives it away.
    assertTrue(problem(Map.of("MicrosoftAppID", "11111111-2222-3333-4444-555555555555",
        "MicrosoftAppPassword", "secret")).isPresent());
  }

  @Test
  void anAppIdThatIsNotAGuidIsAProblem() {
    Optional<String> p = problem(Map.of("MicrosoftAppId", "my-bot", "MicrosoftAppPassword", "secret"));
    assertTrue(p.orElse("").contains("MicrosoftAppId"), p.toString());
  }

  @Test
  void localModeIsNoCredentialSettingAtAllAndAGuidWithCredentialsIsFine() {
    assertEquals(Optional.empty(), problem(Map.of()));
    assertEquals(Optional.empty(), problem(Map.of("MicrosoftAppId", "", "MicrosoftAppPassword", "")));
    assertEquals(Optional.empty(), problem(Map.of("MicrosoftAppId", "11111111-2222-3333-4444-555555555555",
        "MicrosoftAppPassword", "secret", "MicrosoftAppType", "SingleTenant", "MicrosoftAppTenantId", "t")));
  }
}
