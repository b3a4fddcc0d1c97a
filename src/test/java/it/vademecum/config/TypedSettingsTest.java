package it.vademecum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every key of .env.example is parsed at start-up; a bad value is refused, naming its setting. */
class TypedSettingsTest {

  private static final Path EXAMPLE = Path.of(".env.example");

  private static List<String> exampleKeys() throws IOException {
    return Files.readAllLines(EXAMPLE).stream().map(String::strip)
        .filter(l -> !l.startsWith("#") && l.contains("=")).map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
  }

  private static TypedSettings parse(Map<String, String> env) {
    return TypedSettings.parse(Settings.load(env, Path.of("no.env")));
  }

  @Test
  void everyKeyOfTheExampleIsOneTheStartUpParses() throws IOException {
    List<String> keys = exampleKeys();
    assertTrue(keys.size() >= 16, keys.toString());
    assertEquals(List.copyOf(new java.util.TreeSet<>(keys)), List.copyOf(new java.util.TreeSet<>(TypedSettings.KEYS)),
        "a key of .env.example the start-up does not read, or the other way round");
  }

  @Test
  void theExampleAsItIsGivesTheDefaults() {
    TypedSettings t = TypedSettings.parse(Settings.load(Map.of(), EXAMPLE));
    assertEquals(new TypedSettings.Server(3978, Path.of("dialogs"), Path.of("data"), Duration.ofHours(8), false,
        List.of(), Optional.empty()), t.server());
    assertEquals(new TypedSettings.Credentials("", "", "MultiTenant", ""), t.credentials());
    assertEquals(new TypedSettings.RateLimits(10, 2), t.rateLimits());
    assertEquals(new TypedSettings.Connector(50), t.connector());
    assertEquals(new TypedSettings.Retention(Duration.ofDays(90)), t.retention());
    assertEquals(new TypedSettings.Escalations(Optional.empty()), t.escalations());
    assertEquals(new TypedSettings.Shared(Optional.empty(), Optional.empty()), t.shared());
    assertEquals(TypedSettings.Redaction.defaults(), t.redaction());
    assertEquals(t, parse(Map.of()), "an empty environment is the example");
  }

  @Test
  void everyValueIsRead() {
    Map<String, String> env = new HashMap<>();
    env.put("MicrosoftAppId", "11111111-2222-3333-4444-555555555555");
    env.put("MicrosoftAppPassword", "secret");
    env.put("MicrosoftAppType", "SingleTenant");
    env.put("MicrosoftAppTenantId", "tenant");
    env.put("PORT", "8080");
    env.put("CONNECTOR_RATE", "12.5");
    env.put("DIALOGS_DIR", "/srv/dialogs");
    env.put("DATA_DIR", "/srv/data");
    env.put("SESSION_TTL", "30m");
    env.put("PHRASES_AS_MESSAGES", "yes");
    env.put("RATE_LIMIT_BURST", "4");
    env.put("RATE_LIMIT_PER_SECOND", "0");
    env.put("TEAMLEAD_CHANNEL_ID", "19:tl@thread.tacv2");
    env.put("SUPERVISORS", "Sara@Example.com, anna@example.com");
    env.put("BOT_DOMAIN", "vademecum.example.it");
    env.put("RETENTION_DAYS", "30");
    env.put("REDIS_URL", "redis://127.0.0.1:6379/1");
    env.put("DATABASE_URL", "postgres://vademecum:secret@127.0.0.1:5432/vademecum");
    env.put("PEC_PROVIDER_DOMAINS", "pec.example.it, ingpec.eu");
    env.put("PUBLIC_PHONE_NUMBERS", "0575050013");
    assertEquals(TypedSettings.KEYS.stream().sorted().toList(), env.keySet().stream().sorted().toList());
    TypedSettings t = parse(env);
    assertEquals(new TypedSettings.Server(8080, Path.of("/srv/dialogs"), Path.of("/srv/data"), Duration.ofMinutes(30),
        true, List.of("sara@example.com", "anna@example.com"), Optional.of("vademecum.example.it")), t.server());
    assertEquals("tenant", t.credentials().singleTenant());
    assertEquals(Optional.of("redis://127.0.0.1:6379/1"), t.shared().redisUrl());
    assertEquals("jdbc:postgresql://127.0.0.1:5432/vademecum", t.shared().databaseUrl().orElseThrow().jdbcUrl());
    assertEquals(new TypedSettings.RateLimits(4, 0), t.rateLimits());
    assertEquals(new TypedSettings.Connector(12.5), t.connector());
    assertEquals(Duration.ofDays(30), t.retention().usage());
    assertEquals(Optional.of("19:tl@thread.tacv2"), t.escalations().teamLeadChannelId());
    assertEquals(new TypedSettings.Redaction(Optional.of(List.of("pec.example.it", "ingpec.eu")),
        Optional.of(List.of("0575050013"))), t.redaction());
  }

  @Test
  void aBadValueNamesItsSetting() {
    Map<String, String> bad = Map.of("PORT", "http", "CONNECTOR_RATE", "-1", "SESSION_TTL", "per sempre",
        "PHRASES_AS_MESSAGES", "forse", "RATE_LIMIT_BURST", "0", "RATE_LIMIT_PER_SECOND", "due",
        "RETENTION_DAYS", "tre mesi");
    bad.forEach((key, value) -> {
      InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> parse(Map.of(key, value)), key);
      assertEquals(key, e.setting());
      assertTrue(e.getMessage().startsWith(key + " must be"), e.getMessage());
      assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    });
  }

  @Test
  void retentionDaysIsAPositiveWholeNumberOfDays() {
    assertEquals(Duration.ofDays(90), parse(Map.of()).retention().usage());
    assertEquals(Duration.ofDays(1), parse(Map.of("RETENTION_DAYS", "1")).retention().usage());
    for (String bad : List.of("0", "-5", "1.5")) {
      InvalidSettingException e = assertThrows(InvalidSettingException.class,
          () -> parse(Map.of("RETENTION_DAYS", bad)), bad);
      assertEquals("RETENTION_DAYS", e.setting());
    }
  }

  @Test
  void multiTenantIsTheOneDefaultAppType() {
    assertEquals("MultiTenant", TypedSettings.Credentials.DEFAULT_APP_TYPE);
    assertEquals("", parse(Map.of("MicrosoftAppTenantId", "tenant")).credentials().singleTenant(),
        "without SingleTenant the tenant is not the only one");
  }
}
