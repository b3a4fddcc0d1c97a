package it.vademecum.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a supervisor asked for, in Europe/Rome, as the instants the stores are queried with:
 * [{@code start}, {@code end}). Never earlier than the retention period allows, never past today.
 *
 * @param clamped whether {@code from} was moved to the first day the stores still hold
 */
record StatsRange(LocalDate from, LocalDate to, Instant start, Instant end, ZoneId zone, boolean clamped) {

  static final int DEFAULT_DAYS = 7;

  /** A wrong date or range from the page: the message is for the supervisor, in Italian. */
  static final class BadRange extends IllegalArgumentException {
    BadRange(String message) {
      super(message);
    }
  }

  /**
   * The range from the query's {@code from} and {@code to} (ISO dates, both optional): the last
   * seven days by default, cut to the retention period.
   */
  static StatsRange parse(String from, String to, Clock clock, Duration retention, ZoneId zone) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate last = blank(to) ? today : date(to);
    LocalDate first = blank(from) ? last.minusDays(DEFAULT_DAYS - 1) : date(from);
    if (first.isAfter(last)) {
      throw new BadRange("La data di inizio (" + first + ") è successiva alla data di fine (" + last + ").");
    }
    if (last.isAfter(today)) {
      last = today;
      if (first.isAfter(last)) {
        throw new BadRange("L'intervallo è tutto nel futuro: non ci sono ancora dati.");
      }
    }
    Instant oldest = now.minus(retention);
    Instant start = first.atStartOfDay(zone).toInstant();
    boolean clamped = start.isBefore(oldest);
    if (clamped) {
      start = oldest;
      first = oldest.atZone(zone).toLocalDate();
    }
    Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
    return new StatsRange(first, last, start, end, zone, clamped);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new BadRange("Data non valida «" + s.strip() + "»: usa il formato AAAA-MM-GG, per esempio 2026-12-01.");
    }
  }

  /** One day of the range with its own bounds, cut to the range's. */
  record Day(LocalDate date, Instant start, Instant end) {}

  List<Day> days() {
    List<Day> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Instant s = d.atStartOfDay(zone).toInstant();
      Instant e = d.plusDays(1).atStartOfDay(zone).toInstant();
      days.add(new Day(d, s.isBefore(start) ? start : s, e.isAfter(end) ? end : e));
    }
    return days;
  }

  LocalDate day(Instant t) {
    return t.atZone(zone).toLocalDate();
  }
}
