package it.vademecum.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of .env.example parsed once, at start-up, into the small records components take.
 * A bad value is an {@link InvalidSettingException} naming the setting.
 */
public record TypedSettings(Server server, Credentials credentials, RateLimits rateLimits, Connector connector,
    Retention retention, Escalations escalations, Shared shared, Redaction redaction) {

  /** The names this class reads (those of .env.example). */
  public static final List<String> KEYS = List.of("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType",
      "MicrosoftAppTenantId", "PORT", "CONNECTOR_RATE", "DIALOGS_DIR", "DATA_DIR", "SESSION_TTL",
      "PHRASES_AS_MESSAGES", "RATE_LIMIT_BURST", "RATE_LIMIT_PER_SECOND", "TEAMLEAD_CHANNEL_ID", "SUPERVISORS",
      "BOT_DOMAIN", "RETENTION_DAYS", "REDIS_URL", "DATABASE_URL", "PEC_PROVIDER_DOMAINS", "PUBLIC_PHONE_NUMBERS");

  /** Parses every setting; the first bad one is thrown. */
  public static TypedSettings parse(Settings s) {
    return new TypedSettings(Server.from(s), Credentials.from(s), RateLimits.from(s), Connector.from(s),
        Retention.from(s), Escalations.from(s), Shared.from(s), Redaction.from(s));
  }

  /** The environment over .env in the working directory, parsed; the first bad setting is thrown. */
  public static TypedSettings load() {
    return parse(Settings.load());
  }

  /** PORT, DIALOGS_DIR, DATA_DIR, SESSION_TTL, PHRASES_AS_MESSAGES, SUPERVISORS, BOT_DOMAIN. */
  public record Server(int port, Path dialogsDir, Path dataDir, Duration sessionTtl, boolean phrasesAsMessages,
      List<String> supervisors, Optional<String> botDomain) {

    public Server {
      supervisors = List.copyOf(supervisors);
    }

    static Server from(Settings s) {
      return new Server(s.port(), s.dialogsDir(), s.dataDir(), s.sessionTtl(), s.phrasesAsMessages(), s.supervisors(),
          s.get("BOT_DOMAIN"));
    }
  }

  /**
   * The Bot Framework credentials: MicrosoftAppId (empty: local mode), MicrosoftAppPassword,
   * MicrosoftAppType (default {@link #DEFAULT_APP_TYPE}) and MicrosoftAppTenantId.
   */
  public record Credentials(String appId, String appPassword, String appType, String tenantId) {

    /** The one default of MicrosoftAppType, everywhere. */
    public static final String DEFAULT_APP_TYPE = "MultiTenant";

    public static Credentials from(Settings s) {
      return new Credentials(s.appId(), s.appPassword(), s.get("MicrosoftAppType", DEFAULT_APP_TYPE),
          s.get("MicrosoftAppTenantId", ""));
    }

    /** The tenant tokens are asked of: the app's own for a single-tenant app, else "" (any). */
    public String singleTenant() {
      return "SingleTenant".equalsIgnoreCase(appType) ? tenantId : "";
    }
  }

  /** RATE_LIMIT_BURST (default 10, at least 1) and RATE_LIMIT_PER_SECOND (default 2; 0 turns it off). */
  public record RateLimits(int burst, double perSecond) {

    public static RateLimits from(Settings s) {
      int burst = whole(s, "RATE_LIMIT_BURST", 10, 1);
      double perSecond = number(s, "RATE_LIMIT_PER_SECOND", 2, "a number of messages per second (0 = off)");
      return new RateLimits(burst, perSecond);
    }
  }

  /** CONNECTOR_RATE: the bot's ceiling on connector calls per second (default 50, 0 = no ceiling). */
  public record Connector(double callsPerSecond) {

    public static Connector from(Settings s) {
      return new Connector(number(s, "CONNECTOR_RATE", 50, "a number of calls per second (0 = no ceiling)"));
    }
  }

  /** RETENTION_DAYS: how long statistics are kept (default 90 days, at least 1). */
  public record Retention(Duration usage) {

    public static final int DEFAULT_DAYS = 90;

    public static Retention from(Settings s) {
      String v = s.get("RETENTION_DAYS", String.valueOf(DEFAULT_DAYS));
      try {
        int days = Integer.parseInt(v);
        if (days < 1) {
          throw new NumberFormatException();
        }
        return new Retention(Duration.ofDays(days));
      } catch (NumberFormatException e) {
        throw new InvalidSettingException("RETENTION_DAYS",
            "RETENTION_DAYS must be a whole number of days (1 or more), not '" + v + "'");
      }
    }
  }

  /** TEAMLEAD_CHANNEL_ID: the team leads' channel; empty: escalations are kept but not posted. */
  public record Escalations(Optional<String> teamLeadChannelId) {

    static Escalations from(Settings s) {
      return new Escalations(s.teamLeadChannelId());
    }
  }

  /** REDIS_URL and DATABASE_URL: the engines two or more instances share (docs/instances.md). */
  public record Shared(Optional<String> redisUrl, Optional<DatabaseUrl> databaseUrl) {

    static Shared from(Settings s) {
      return new Shared(s.redisUrl(), s.databaseUrl());
    }
  }

  /**
   * PEC_PROVIDER_DOMAINS and PUBLIC_PHONE_NUMBERS (comma-separated): the domains kept after
   * [email] and the numbers never redacted; empty: the redactor's defaults.
   */
  public record Redaction(Optional<List<String>> providerDomains, Optional<List<String>> publicNumbers) {

    public Redaction {
      providerDomains = providerDomains.map(List::copyOf);
      publicNumbers = publicNumbers.map(List::copyOf);
    }

    /** Neither set: the defaults. */
    public static Redaction defaults() {
      return new Redaction(Optional.empty(), Optional.empty());
    }

    public static Redaction from(Settings s) {
      return new Redaction(s.get("PEC_PROVIDER_DOMAINS").map(Redaction::split),
          s.get("PUBLIC_PHONE_NUMBERS").map(Redaction::split));
    }

    private static List<String> split(String v) {
      return java.util.Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
  }

  private static int whole(Settings s, String name, int fallback, int min) {
    String v = s.get(name, String.valueOf(fallback));
    try {
      int n = Integer.parseInt(v);
      if (n < min) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(name, name + " must be a whole number (" + min + " or more), not '" + v + "'");
    }
  }

  private static double number(Settings s, String name, double fallback, String what) {
    String v = s.get(name, String.valueOf(fallback));
    try {
      double n = Double.parseDouble(v);
      if (n < 0 || Double.isNaN(n) || Double.isInfinite(n)) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(name, name + " must be " + what + ", not '" + v + "'");
    }
  }
}
