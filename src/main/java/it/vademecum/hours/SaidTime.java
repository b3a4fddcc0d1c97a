package it.vademecum.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when something happened from an agent's sentence, relative to now: "5 giorni fa", "2 gg",
 * "ieri", "venerdì", "il 12/11", "3 novembre", "più di 80 ore lavorative". A day without a time is
 * the whole day: the event lies somewhere between its start and its end.
 */
public final class SaidTime {

  /** When the event happened: not before {@code earliest}, not after {@code latest}. */
  public record Span(Instant earliest, Instant latest) {}

  private static final String MORE = "(?:(più\\s+di|piu\\s+di|oltre|sopra\\s+(?:i|le|ai|a)?|superiore\\s+a|>)\\s*)?";
  private static final String COUNT = "(\\d+|un|una|uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|quindici|venti)";
  private static final Pattern RELATIVE = Pattern.compile(MORE + COUNT + "\\s*"
      + "(ore|ora|h|hr|giorni|giorno|gg|g|settimane|settimana|sett|mesi|mese|anni|anno)\\b(\\s+lavorativ[ei])?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NUMERIC_DATE = Pattern.compile(
      "(?<![\\d.,/])(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?(?![\\d/])");
  private static final List<String> MONTHS = List.of("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
      "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre");
  private static final Pattern NAMED_DATE = Pattern.compile(
      "\\b(\\d{1,2})\\s+(" + String.join("|", MONTHS) + ")(?:\\s+(\\d{4}))?\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
      Map.entry("lunedì", DayOfWeek.MONDAY), Map.entry("lunedi", DayOfWeek.MONDAY),
      Map.entry("martedì", DayOfWeek.TUESDAY), Map.entry("martedi", DayOfWeek.TUESDAY),
      Map.entry("mercoledì", DayOfWeek.WEDNESDAY), Map.entry("mercoledi", DayOfWeek.WEDNESDAY),
      Map.entry("giovedì", DayOfWeek.THURSDAY), Map.entry("giovedi", DayOfWeek.THURSDAY),
      Map.entry("venerdì", DayOfWeek.FRIDAY), Map.entry("venerdi", DayOfWeek.FRIDAY),
      Map.entry("sabato", DayOfWeek.SATURDAY), Map.entry("domenica", DayOfWeek.SUNDAY));
  private static final Pattern WEEKDAY = Pattern.compile(
      "(?<![\\p{L}])(" + String.join("|", WEEKDAYS.keySet()) + ")(?![\\p{L}])",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern DAY_WORD = Pattern.compile(
      "(?<![\\p{L}])(l'altro\\s*ieri|l’altro\\s*ieri|altroieri|ieri|oggi|stamattina|stamani)(?![\\p{L}])",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("un", 1), Map.entry("una", 1), Map.entry("uno", 1), Map.entry("due", 2),
      Map.entry("tre", 3), Map.entry("quattro", 4), Map.entry("cinque", 5), Map.entry("sei", 6),
      Map.entry("sette", 7), Map.entry("otto", 8), Map.entry("nove", 9), Map.entry("dieci", 10),
      Map.entry("quindici", 15), Map.entry("venti", 20));
  private static final int FAR_YEARS = 20;

  private SaidTime() {}

  /** Working hours elapsed since the event the text dates, on the calendar; empty when it dates nothing. */
  public static Optional<Bounds> workingHoursSince(String text, BusinessCalendar calendar, Instant now) {
    Matcher m = RELATIVE.matcher(text);
    if (m.find() && m.group(4) != null) {
      double n = count(m.group(2));
      String unit = m.group(3).toLowerCase(Locale.ROOT);
      double hours = unit.startsWith("g") ? n * 24 : unit.startsWith("o") || unit.startsWith("h") ? n : -1;
      if (hours >= 0) {
        return Optional.of(m.group(1) != null ? Bounds.above(hours) : Bounds.exactly(hours));
      }
    }
    return when(text, calendar.zone(), now).map(s -> new Bounds(
        calendar.workingHoursBetween(s.latest(), now), calendar.workingHoursBetween(s.earliest(), now)));
  }

  /** Days elapsed since the event the text dates (an expiry: "scaduta da 2 mesi"); empty when none. */
  public static Optional<Bounds> daysSince(String text, ZoneId zone, Instant now) {
    Matcher m = RELATIVE.matcher(text);
    if (m.find()) {
      double n = count(m.group(2));
      String unit = m.group(3).toLowerCase(Locale.ROOT);
      Bounds b = switch (unit) {
        case "ore", "ora", "h", "hr" -> Bounds.exactly(n / 24);
        case "giorni", "giorno", "gg", "g" -> Bounds.exactly(n);
        case "settimane", "settimana", "sett" -> Bounds.exactly(n * 7);
        case "mesi", "mese" -> new Bounds(n * 28, n * 31);
        default -> new Bounds(n * 365, n * 366);
      };
      return Optional.of(m.group(1) != null ? new Bounds(b.max() + 0.01, Double.POSITIVE_INFINITY) : b);
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    return date(text, today).map(d -> Bounds.exactly(ChronoUnit.DAYS.between(d, today)));
  }

  /** When the event happened, as far as the text says. */
  public static Optional<Span> when(String text, ZoneId zone, Instant now) {
    // The date of today is worked out only once something in the text dates the event: most
    // sentences date nothing, and the zone's rules are not free.
    Matcher m = RELATIVE.matcher(text);
    if (m.find()) {
      ZonedDateTime z = now.atZone(zone);
      LocalDate today = z.toLocalDate();
      long n = (long) count(m.group(2));
      String unit = m.group(3).toLowerCase(Locale.ROOT);
      boolean more = m.group(1) != null;
      Instant far = z.minusYears(FAR_YEARS).toInstant();
      if (unit.startsWith("o") || unit.startsWith("h")) {
        Instant at = now.minus(Duration.ofHours(n));
        return Optional.of(new Span(more ? far : at, at));
      }
      LocalDate day = switch (unit) {
        case "giorni", "giorno", "gg", "g" -> today.minusDays(n);
        case "settimane", "settimana", "sett" -> today.minusWeeks(n);
        case "mesi", "mese" -> today.minusMonths(n);
        default -> today.minusYears(n);
      };
      Span whole = day(day, zone, now);
      return Optional.of(more ? new Span(far, whole.earliest()) : whole);
    }
    Matcher w = DAY_WORD.matcher(text);
    if (w.find()) {
      String word = w.group(1).toLowerCase(Locale.ROOT);
      int back = word.contains("altro") ? 2 : word.equals("ieri") ? 1 : 0;
      return Optional.of(day(now.atZone(zone).toLocalDate().minusDays(back), zone, now));
    }
    // Both kinds of calendar date ("12/11", "3 novembre") have a digit.
    Optional<LocalDate> date = hasDigit(text) ? date(text, now.atZone(zone).toLocalDate()) : Optional.empty();
    if (date.isPresent()) {
      return Optional.of(day(date.get(), zone, now));
    }
    Matcher wd = WEEKDAY.matcher(text);
    if (wd.find()) {
      DayOfWeek dow = WEEKDAYS.get(wd.group(1).toLowerCase(Locale.ROOT));
      LocalDate d = now.atZone(zone).toLocalDate().minusDays(1);
      while (d.getDayOfWeek() != dow) {
        d = d.minusDays(1);
      }
      return Optional.of(day(d, zone, now));
    }
    return Optional.empty();
  }

  /**
   * A calendar date of the past in the text ("12/11", "12/11/2026", "3 novembre"). Without a year it
   * is the nearest such day, this year or last ("28/12" said on 10 January is last December); a day
   * in the future ("15/12" said on 1 December, most likely a slip for "15/11") is no date of the
   * past, and is not read as one of a year ago.
   */
  static Optional<LocalDate> date(String text, LocalDate today) {
    return day(text, today, d -> !d.isAfter(today)).map(Said::day);
  }

  /**
   * The first calendar date in the text that lies in the future, as written ("15/12" said on 1
   * December), so that the agent is told why it was not used.
   */
  public static Optional<String> futureDate(String text, ZoneId zone, Instant now) {
    if (!hasDigit(text)) {
      return Optional.empty();
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    return day(text, today, d -> d.isAfter(today)).map(Said::written);
  }

  /** A calendar date as written in the text, and the day it names. */
  private record Said(String written, LocalDate day) {}

  /** The first calendar date in the text whose day passes {@code wanted}. */
  private static Optional<Said> day(String text, LocalDate today, Predicate<LocalDate> wanted) {
    Matcher m = NUMERIC_DATE.matcher(text);
    while (m.find()) {
      Optional<LocalDate> d = nearest(m.group(1), Integer.parseInt(m.group(2)), m.group(3), today).filter(wanted);
      if (d.isPresent()) {
        return Optional.of(new Said(m.group(), d.get()));
      }
    }
    Matcher n = NAMED_DATE.matcher(text);
    while (n.find()) {
      int month = MONTHS.indexOf(n.group(2).toLowerCase(Locale.ROOT)) + 1;
      Optional<LocalDate> d = nearest(n.group(1), month, n.group(3), today).filter(wanted);
      if (d.isPresent()) {
        return Optional.of(new Said(n.group(), d.get()));
      }
    }
    return Optional.empty();
  }

  /** The day a date names: with a year, that day; without, the nearest such day this year or last. */
  private static Optional<LocalDate> nearest(String day, int month, String year, LocalDate today) {
    try {
      int dd = Integer.parseInt(day);
      if (year != null) {
        int y = Integer.parseInt(year);
        return Optional.of(LocalDate.of(y < 100 ? 2000 + y : y, month, dd));
      }
      LocalDate d = LocalDate.of(today.getYear(), month, dd);
      if (!d.isAfter(today)) {
        return Optional.of(d);
      }
      LocalDate yearBefore = d.minusYears(1);
      boolean pastIsNearer = ChronoUnit.DAYS.between(yearBefore, today) < ChronoUnit.DAYS.between(today, d);
      return Optional.of(pastIsNearer ? yearBefore : d);
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The whole day, ending no later than now. */
  private static Span day(LocalDate d, ZoneId zone, Instant now) {
    Instant start = d.atStartOfDay(zone).toInstant();
    Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
    return new Span(start, end.isAfter(now) ? now : end);
  }

  private static double count(String q) {
    String w = q.toLowerCase(Locale.ROOT);
    return WORDS.containsKey(w) ? WORDS.get(w) : Double.parseDouble(w);
  }
}
