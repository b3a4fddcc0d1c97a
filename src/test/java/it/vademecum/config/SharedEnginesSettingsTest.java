package it.vademecum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedEnginesSettingsTest {

  private static Settings of(String key, String value) {
    return Settings.load(Map.of(key, value), Path.of("no-such.env"));
  }

  @Test
  void neitherSetMeansTheEmbeddedDefaults() {
    Settings s = Settings.load(Map.of(), Path.of("no-such.env"));
    assertTrue(s.redisUrl().isEmpty());
    assertTrue(s.databaseUrl().isEmpty());
  }

  @Test
  void redisUrlsWithCredentialsDatabaseAndTlsAreAccepted() {
    assertEquals("redis://u:p@cache:6379/2", of("REDIS_URL", "redis://u:p@cache:6379/2").redisUrl().orElseThrow());
    assertTrue(of("REDIS_URL", "rediss://cache.example.com:6380").redisUrl().isPresent());
  }

  @Test
  void aRedisUrlOfAnotherSchemeNamesTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> of("REDIS_URL", "http://cache:6379").redisUrl());
    assertTrue(e.getMessage().startsWith("REDIS_URL"), e.getMessage());
  }

  @Test
  void aJdbcDatabaseUrlIsKeptAsItIs() {
    DatabaseUrl d = of("DATABASE_URL", "jdbc:postgresql://db:5432/vademecum?user=v&password=s").databaseUrl()
        .orElseThrow();
    assertEquals("jdbc:postgresql://db:5432/vademecum?user=v&password=s", d.jdbcUrl());
    assertNull(d.user());
    assertFalse(d.display().contains("=s"), d.display());
  }

  @Test
  void aPostgresUrlBecomesJdbcWithItsCredentialsApart() {
    DatabaseUrl d = of("DATABASE_URL", "postgres://vade:p%40ss@db.local:5433/vademecum?sslmode=require")
        .databaseUrl().orElseThrow();
    assertEquals("jdbc:postgresql://db.local:5433/vademecum?sslmode=require", d.jdbcUrl());
    assertEquals("vade", d.user());
    assertEquals("p@ss", d.password());
    assertFalse(d.display().contains("p@ss"));
  }

  @Test
  void aDatabaseUrlOfAnotherEngineNamesTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> of("DATABASE_URL", "mysql://db/x").databaseUrl());
    assertTrue(e.getMessage().startsWith("DATABASE_URL"), e.getMessage());
  }
}
