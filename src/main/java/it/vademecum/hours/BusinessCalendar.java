package it.vademecum.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clock rules of dialogs/config/calendar.json: the greeting cut-off, the second level's office
 * hours, what a working hour is, and the Italian national holidays (fixed dates plus Easter Monday,
 * computed).
 */
public record BusinessCalendar(
    ZoneId zone,
    String morningGreeting,
    String eveningGreeting,
    LocalTime eveningFrom,
    Set<DayOfWeek> openDays,
    List<Slot> slots,
    Map<MonthDay, String> fixedHolidays,
    Optional<String> easterMondayName,
    Set<DayOfWeek> workingDays,
    String workingHourDefinition) {

  /** An office-hours interval, start inclusive, end exclusive. */
  public record Slot(LocalTime from, LocalTime to) {}

  public BusinessCalendar {
    openDays = Set.copyOf(openDays);
    slots = slots.stream().sorted((a, b) -> a.from().compareTo(b.from())).toList();
    fixedHolidays = Map.copyOf(fixedHolidays);
    workingDays = Set.copyOf(workingDays);
  }

  /**
   * Working hours between two instants, as calendar.json defines them: every hour of a working day
   * (one of {@code workingDays}, not a holiday), midnight to midnight in the calendar's zone, counts
   * once; other days count nothing. Zero when {@code to} is not after {@code from}.
   *
   * <p>In closed form, so that "more than 90 days ago" (an earliest instant years back) costs as
   * little as "yesterday": the two partial days at the ends, the whole working days between them
   * counted by weeks and holidays by year, and the days a daylight-saving change made 23 or 25
   * hours long.
   */
  public double workingHoursBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    LocalDate first = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    long seconds = partOfDay(first, from, to);
    if (!last.equals(first)) {
      seconds += partOfDay(last, from, to);
      LocalDate inner = first.plusDays(1);   // whole days: inner, inclusive, to last, exclusive
      if (inner.isBefore(last)) {
        seconds += workingDaysIn(inner, last) * 86_400L + daylightSavingShift(inner, last);
      }
    }
    return seconds / 3600.0;
  }

  /** Seconds of {@code day}, when it is a working day, that lie between {@code from} and {@code to}. */
  private long partOfDay(LocalDate day, Instant from, Instant to) {
    if (!isWorkingHoursDay(day)) {
      return 0;
    }
    Instant start = day.atStartOfDay(zone).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    Instant a = start.isBefore(from) ? from : start;
    Instant b = end.isAfter(to) ? to : end;
    return b.isAfter(a) ? Duration.between(a, b).toSeconds() : 0;
  }

  /** Whether every hour of {@code day} is a working hour: a working weekday, not a holiday. */
  private boolean isWorkingHoursDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && holidayName(day).isEmpty();
  }

  /** Working days from {@code start} inclusive to {@code end} exclusive. */
  private long workingDaysIn(LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end);
    long count = days / 7 * workingDays.size();
    LocalDate day = start.plusDays(days / 7 * 7);
    for (; day.isBefore(end); day = day.plusDays(1)) {
      if (workingDays.contains(day.getDayOfWeek())) {
        count++;
      }
    }
    for (int year = start.getYear(); year <= end.getYear(); year++) {
      for (LocalDate holiday : holidays(year)) {
        if (!holiday.isBefore(start) && holiday.isBefore(end) && workingDays.contains(holiday.getDayOfWeek())) {
          count--;
        }
      }
    }
    return count;
  }

  /** The year's holidays, each date once (Easter Monday may fall on a fixed holiday). */
  private Set<LocalDate> holidays(int year) {
    Set<LocalDate> days = new HashSet<>();
    for (MonthDay d : fixedHolidays.keySet()) {
      if (d.isValidYear(year)) {
        days.add(d.atYear(year));
      }
    }
    if (easterMondayName.isPresent()) {
      days.add(easterSunday(year).plusDays(1));
    }
    return days;
  }

  /**
   * Seconds by which the working days from {@code start} inclusive to {@code end} exclusive are
   * longer than 24 hours in all: a day with an offset change (a spring-forward day is 23 hours, a
   * fall-back day 25) counts its real length.
   */
  private long daylightSavingShift(LocalDate start, LocalDate end) {
    ZoneRules rules = zone.getRules();
    Instant until = end.plusDays(1).atStartOfDay(zone).toInstant();
    Set<LocalDate> changed = new TreeSet<>();
    ZoneOffsetTransition t = rules.nextTransition(start.minusDays(1).atStartOfDay(zone).toInstant());
    for (; t != null && t.getInstant().isBefore(until); t = rules.nextTransition(t.getInstant())) {
      changed.add(t.getDateTimeBefore().toLocalDate());
      changed.add(t.getDateTimeAfter().toLocalDate());
    }
    long shift = 0;
    for (LocalDate day : changed) {
      if (!day.isBefore(start) && day.isBefore(end) && isWorkingHoursDay(day)) {
        shift += Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toSeconds()
            - 86_400L;
      }
    }
    return shift;
  }

  /** "Buongiorno" before the cut-off, "Buonasera" from it on, in the calendar's zone. */
  public String greeting(Instant now) {
    LocalTime t = now.atZone(zone).toLocalTime();
    return t.isBefore(eveningFrom) ? morningGreeting : eveningGreeting;
  }

  /** Whether the second level is within its office hours at this instant. */
  public boolean isOpen(Instant now) {
    ZonedDateTime z = now.atZone(zone);
    if (!isWorkingDay(z.toLocalDate())) {
      return false;
    }
    LocalTime t = z.toLocalTime();
    return slots.stream().anyMatch(s -> !t.isBefore(s.from()) && t.isBefore(s.to()));
  }

  public boolean isWorkingDay(LocalDate day) {
    return openDays.contains(day.getDayOfWeek()) && holidayName(day).isEmpty();
  }

  /** The name of the national holiday on that day, if it is one. */
  public Optional<String> holidayName(LocalDate day) {
    String fixed = fixedHolidays.get(MonthDay.from(day));
    if (fixed != null) {
      return Optional.of(fixed);
    }
    if (easterMondayName.isPresent() && day.equals(easterSunday(day.getYear()).plusDays(1))) {
      return easterMondayName;
    }
    return Optional.empty();
  }

  /** The next instant at which the second level opens (now excluded), within a year. */
  public Optional<ZonedDateTime> nextOpening(Instant now) {
    return nextBoundary(now, true);
  }

  /** The next instant at which the second level closes, if it is open now. */
  public Optional<ZonedDateTime> nextClosing(Instant now) {
    return isOpen(now) ? nextBoundary(now, false) : Optional.empty();
  }

  private Optional<ZonedDateTime> nextBoundary(Instant now, boolean opening) {
    ZonedDateTime z = now.atZone(zone);
    LocalDate day = z.toLocalDate();
    for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (Slot s : slots) {
        ZonedDateTime at = LocalDateTime.of(day, opening ? s.from() : s.to()).atZone(zone);
        if (at.toInstant().isAfter(now)) {
          return Optional.of(at);
        }
      }
    }
    return Optional.empty();
  }

  /** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, dayOfMonth);
  }
}
