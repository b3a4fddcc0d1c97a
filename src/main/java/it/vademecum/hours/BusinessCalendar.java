package it.vademecum.hours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
   */
  public double workingHoursBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    double seconds = 0;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      if (!workingDays.contains(day.getDayOfWeek()) || holidayName(day).isPresent()) {
        continue;
      }
      Instant start = day.atStartOfDay(zone).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
      Instant a = start.isBefore(from) ? from : start;
      Instant b = end.isAfter(to) ? to : end;
      if (b.isAfter(a)) {
        seconds += java.time.Duration.between(a, b).toSeconds();
      }
    }
    return seconds / 3600.0;
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
