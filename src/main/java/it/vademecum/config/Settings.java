package it.vademecum.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from the environment, with an optional .env file underneath (the environment wins).
 * Names are the contract of DESIGN.md; see .env.example. {@link TypedSettings} parses them all into
 * the records components take.
 */
public record Settings(Map<String, String> values) {

  public Settings {
    values = Map.copyOf(values);
  }

  /** The process environment over the .env file in the working directory, if any. */
  public static Settings load() {
    return load(System.getenv(), Path.of(".env"));
  }

  public static Settings load(Map<String, String> env, Path dotEnv) {
    Map<String, String> merged = new HashMap<>(readDotEnv(dotEnv));
    env.forEach((k, v) -> {
      if (v != null) {
        merged.put(k, v);
      }
    });
    return new Settings(merged);
  }

  static Map<String, String> readDotEnv(Path file) {
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || !t.contains("=")) {
          continue;
        }
        if (t.startsWith("export ")) {
          t = t.substring(7).strip();
        }
        int eq = t.indexOf('=');
        String key = t.substring(0, eq).strip();
        String value = t.substring(eq + 1).strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        out.put(key, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }

  public Optional<String> get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public String appId() {
    return get("MicrosoftAppId", "");
  }

  public String appPassword() {
    return get("MicrosoftAppPassword", "");
  }

  /** The settings that only make sense with an app id: any of them without one is a mistake. */
  static final List<String> CREDENTIALS = List.of("MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType");
  private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Why the Bot Framework settings cannot start a server: an app id that is not a GUID, or a
   * credential setting without an app id (a blank or misspelled MicrosoftAppId would otherwise
   * start the bot without authentication). Local mode is no credential setting at all.
   */
  public Optional<String> credentialsProblem() {
    String id = appId();
    if (!id.isEmpty() && !GUID.matcher(id).matches()) {
      return Optional.of("MicrosoftAppId is not an app id (a GUID such as 11111111-2222-3333-4444-555555555555): "
          + "set it to the bot's app id (Azure Bot > Configuration).");
    }
    List<String> set = CREDENTIALS.stream().filter(n -> get(n).isPresent()).toList();
    if (id.isEmpty() && !set.isEmpty()) {
      return Optional.of("MicrosoftAppId is empty but " + String.join(", ", set) + (set.size() == 1 ? " is" : " are")
          + " set: the bot would start without authentication. Set MicrosoftAppId to the bot's app id (a GUID), "
          + "or, for local mode, remove " + String.join(", ", set) + " too.");
    }
    return Optional.empty();
  }

  /** Local mode: no Microsoft app id, so no auth and loopback only. */
  public boolean localMode() {
    return appId().isEmpty();
  }

  public int port() {
    String p = get("PORT", "3978");
    try {
      int port = Integer.parseInt(p);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new InvalidSettingException("PORT", "PORT must be a port number (0-65535), not '" + p + "'");
    }
  }

  public Path dialogsDir() {
    return Path.of(get("DIALOGS_DIR", "dialogs"));
  }

  public Path dataDir() {
    return Path.of(get("DATA_DIR", "data"));
  }

  /** Session inactivity timeout: ISO-8601 ("PT8H") or a number with h/m/s ("8h", "30m"); default 8 h. */
  public Duration sessionTtl() {
    return duration("SESSION_TTL", Duration.ofHours(8));
  }

  public Duration duration(String name, Duration fallback) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return fallback;
    }
    String s = v.get().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("p")) {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(s.replaceAll("[a-z]+$", ""));
      return switch (s.replaceAll("^[0-9]+", "")) {
        case "", "s" -> Duration.ofSeconds(n);
        case "m", "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidSettingException(name, name + " must be a duration like 8h, 30m or PT8H, not '" + v.get() + "'");
    }
  }

  /**
   * PHRASES_AS_MESSAGES: whether each customer phrase also follows the card as a plain message, for
   * clients where the card's copy block does not work; default false.
   */
  public boolean phrasesAsMessages() {
    String v = get("PHRASES_AS_MESSAGES", "false").toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new InvalidSettingException("PHRASES_AS_MESSAGES",
          "PHRASES_AS_MESSAGES must be true or false, not '" + v + "'");
    };
  }

  public Optional<String> teamLeadChannelId() {
    return get("TEAMLEAD_CHANNEL_ID");
  }

  /** Supervisors' AAD object ids or UPNs, lower-cased. */
  public List<String> supervisors() {
    return get("SUPERVISORS").map(s -> Arrays.stream(s.split(","))
        .map(x -> x.strip().toLowerCase(Locale.ROOT)).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
  }

  /**
   * Where sessions and the shared budgets live: {@code REDIS_URL}
   * ({@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS); empty for memory.
   */
  public Optional<String> redisUrl() {
    Optional<String> v = get("REDIS_URL");
    if (v.isPresent() && !v.get().matches("(?i)rediss?://[^/\\s]+(/\\d+)?/?")) {
      throw new InvalidSettingException("REDIS_URL", "REDIS_URL must be redis://[user:password@]host:port[/db] or rediss://…");
    }
    return v;
  }

  /** Where the outbox, statistics and break reminders live: {@code DATABASE_URL}; empty for H2 files. */
  public Optional<DatabaseUrl> databaseUrl() {
    return get("DATABASE_URL").map(DatabaseUrl::parse);
  }
}
