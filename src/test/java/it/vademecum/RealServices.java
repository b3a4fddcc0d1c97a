package it.vademecum;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Redis and PostgreSQL the integration tests run against, from {@code TEST_REDIS_URL} and
 * {@code TEST_DATABASE_URL} ({@code .ci/services.sh} starts both and exports them). Absent on a
 * developer's machine, a test is skipped saying how to start them; absent in CI, it fails.
 */
public final class RealServices {

  private RealServices() {
  }

  public static String redisUrl() {
    return required("TEST_REDIS_URL");
  }

  public static String databaseUrl() {
    return required("TEST_DATABASE_URL");
  }

  /**
   * A new, empty PostgreSQL database on the test server (a test's own, as if it were a fresh
   * deployment), as a JDBC URL.
   */
  public static String freshDatabaseUrl() {
    String url = databaseUrl();
    String name = "t_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + url, e);
    }
    return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
  }

  /** A JDBC URL of PostgreSQL as the application reads it from DATABASE_URL. */
  public static it.vademecum.config.DatabaseUrl asSetting(String jdbcUrl) {
    return it.vademecum.config.Settings.load(java.util.Map.of("DATABASE_URL", jdbcUrl), java.nio.file.Path.of("-"))
        .databaseUrl().orElseThrow();
  }

  private static String required(String name) {
    String v = System.getenv(name);
    if (v != null && !v.isBlank()) {
      return v;
    }
    String why = name + " is not set: start real Redis and PostgreSQL with `. .ci/services.sh && services_start`";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + " (CI must run this test)");
    }
    assumeTrue(false, why);
    return null;
  }
}
