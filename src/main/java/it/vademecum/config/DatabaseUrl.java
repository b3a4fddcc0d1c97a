package it.vademecum.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address from {@code DATABASE_URL}, either the JDBC form
 * ({@code jdbc:postgresql://host:port/db?user=…&password=…}) or the libpq form
 * ({@code postgres://user:pass@host:port/db}), turned into a JDBC URL with the credentials apart.
 *
 * @param jdbcUrl the JDBC URL, credentials left in its query when they came there
 * @param user the user from the libpq form, or null
 * @param password the password from the libpq form, or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  static DatabaseUrl parse(String raw) {
    String s = raw.strip();
    if (s.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(s, null, null);
    }
    if (s.startsWith("postgres://") || s.startsWith("postgresql://")) {
      try {
        URI uri = new URI(s);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
          throw new URISyntaxException(s, "host and database name required");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
          String[] parts = uri.getRawUserInfo().split(":", 2);
          user = decode(parts[0]);
          password = parts.length == 2 ? decode(parts[1]) : null;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
      } catch (URISyntaxException e) {
        throw invalid();
      }
    }
    throw invalid();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid() {
    return new InvalidSettingException("DATABASE_URL", "DATABASE_URL must be jdbc:postgresql://host:port/db?user=…&password=… or"
        + " postgres://user:password@host:port/db");
  }

  /** The address without any password, for the start-up line. */
  public String display() {
    String url = jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    return user == null ? url : user + "@" + url;
  }
}
