package it.vademecum.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start of a statistics period as supervisors write it: {@code oggi}, {@code ieri},
 * {@code settimana} (today and the 6 days before), {@code mese} (the last 30 days from today's
 * start), a span back from now ({@code 7d}, {@code 7g}, {@code 24h}, {@code 2w}), or a date
 * ({@code 2026-11-01}, {@code 01/11/2026}) meaning its midnight. Days are Europe/Rome days.
 */
public final class Since {

  private static final Pattern SPAN = Pattern.compile("(\\d{1,4})\\s*([dghw])");
  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

  private Since() {}

  /** The instant, or {@link IllegalArgumentException} with an Italian message for the agent. */
  public static Instant parse(String text, Clock clock, ZoneId zone) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    switch (s) {
      case "oggi":
        return today.atStartOfDay(zone).toInstant();
      case "ieri":
        return today.minusDays(1).atStartOfDay(zone).toInstant();
      case "settimana":
        return today.minusDays(6).atStartOfDay(zone).toInstant();
      case "mese":
        return today.minusDays(29).atStartOfDay(zone).toInstant();
      default:
        break;
    }
    Matcher m = SPAN.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = m.group(2).equals("h") ? Duration.ofHours(n)
          : m.group(2).equals("w") ? Duration.ofDays(7 * n) : Duration.ofDays(n);
      return clock.instant().minus(d);
    }
    try {
      LocalDate date = s.contains("/") ? LocalDate.parse(s, ITALIAN_DATE) : LocalDate.parse(s);
      return date.atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("«" + (text == null ? "" : text.strip()) + "» non è un periodo valido: "
          + "scrivi una data (2026-11-01 o 01/11/2026), un intervallo (7d, 24h) oppure oggi, ieri, settimana, mese.");
    }
  }
}
