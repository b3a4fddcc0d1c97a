package it.vademecum.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.Knowledge;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private final BusinessCalendar cal = Knowledge.engine().catalog().calendar();

  @Test
  void computesEasterSunday() {
    assertEquals(LocalDate.of(2026, 4, 5), BusinessCalendar.easterSunday(2026));
    assertEquals(LocalDate.of(2027, 3, 28), BusinessCalendar.easterSunday(2027));
    assertEquals(LocalDate.of(2024, 3, 31), BusinessCalendar.easterSunday(2024));
  }

  @Test
  void easterMondayIsAHoliday() {
    assertTrue(cal.holidayName(LocalDate.of(2026, 4, 6)).isPresent());
    assertFalse(cal.isOpen(Knowledge.rome("2026-04-06T10:00")));
    assertTrue(cal.isOpen(Knowledge.rome("2026-04-07T10:00")));
  }

  @Test
  void secondLevelHoursAreHalfOpen() {
    assertFalse(cal.isOpen(Knowledge.rome("2026-12-01T08:29")));
    assertTrue(cal.isOpen(Knowledge.rome("2026-12-01T08:30")));
    assertTrue(cal.isOpen(Knowledge.rome("2026-12-01T12:44")));
    assertFalse(cal.isOpen(Knowledge.rome("2026-12-01T12:45")));
    assertTrue(cal.isOpen(Knowledge.rome("2026-12-01T14:30")));
    assertFalse(cal.isOpen(Knowledge.rome("2026-12-01T17:30")));
  }

  @Test
  void nextOpeningSkipsWeekendsAndHolidays() {
    assertEquals(Knowledge.rome("2026-12-28T08:30"),
        cal.nextOpening(Knowledge.rome("2026-12-24T18:00")).orElseThrow().toInstant());
    assertEquals(Knowledge.rome("2026-12-01T12:45"),
        cal.nextClosing(Knowledge.rome("2026-12-01T10:00")).orElseThrow().toInstant());
  }

  @Test
  void greetingChangesAtTwoPmRomeTime() {
    assertEquals("Buongiorno", cal.greeting(Knowledge.rome("2026-07-01T13:59")));
    assertEquals("Buonasera", cal.greeting(Knowledge.rome("2026-07-01T14:00")));
  }

  @Test
  void workingHoursOverYearsMatchADayByDayCountInEveryKindOfZone() {
    Random random = new Random(20261201);
    // Rome (the calendar's), no daylight saving, a half-hour shift, a change at midnight (Sao Paulo
    // until 2019), and a southern-hemisphere one.
    for (String zone : new String[] {"Europe/Rome", "UTC", "Australia/Lord_Howe", "America/Sao_Paulo",
        "America/Santiago"}) {
      BusinessCalendar c = in(ZoneId.of(zone));
      for (int i = 0; i < 1_500; i++) {
        Instant to = Instant.parse("2000-01-01T00:00:00Z").plusSeconds(random.nextInt(30 * 365 * 86_400));
        long span = i % 4 == 0 ? random.nextInt(3 * 86_400) : random.nextInt(i % 4 == 1 ? 60 * 86_400 : 20 * 365 * 86_400);
        Instant from = to.minusSeconds(span).minusNanos(random.nextInt(1_000_000_000));
        assertEquals(dayByDay(c, from, to), c.workingHoursBetween(from, to), 1e-9, zone + " " + from + " → " + to);
      }
    }
  }

  @Test
  void workingHoursCountNoWeekendNorHolidayAndTheRealLengthOfADaylightSavingDay() {
    // Friday 24 April 2026 08:00 → Tuesday 28 April 08:00: Friday's 16 h, Saturday 25 April (a
    // holiday and a Saturday), Sunday, Monday 24 h, Tuesday's 8 h.
    assertEquals(16 + 24 + 8, cal.workingHoursBetween(Knowledge.rome("2026-04-24T08:00"),
        Knowledge.rome("2026-04-28T08:00")), 1e-9);
    // Friday 23 October 2026 → Tuesday 27 October: no working day had a clock change (Sunday 25 did).
    assertEquals(24 + 24, cal.workingHoursBetween(Knowledge.rome("2026-10-23T00:00"),
        Knowledge.rome("2026-10-27T00:00")), 1e-9);
    BusinessCalendar everyDay = new BusinessCalendar(cal.zone(), cal.morningGreeting(), cal.eveningGreeting(),
        cal.eveningFrom(), cal.openDays(), cal.slots(), java.util.Map.of(), java.util.Optional.empty(),
        java.util.EnumSet.allOf(java.time.DayOfWeek.class), cal.workingHourDefinition());
    assertEquals(25, everyDay.workingHoursBetween(Knowledge.rome("2026-10-25T00:00"),
        Knowledge.rome("2026-10-26T00:00")), 1e-9, "the fall-back day is 25 hours long");
    assertEquals(23 + 24, everyDay.workingHoursBetween(Knowledge.rome("2026-03-29T00:00"),
        Knowledge.rome("2026-03-31T00:00")), 1e-9, "the spring-forward day is 23 hours long");
  }

  /** The calendar with another zone, for the comparison. */
  private BusinessCalendar in(ZoneId zone) {
    return new BusinessCalendar(zone, cal.morningGreeting(), cal.eveningGreeting(), cal.eveningFrom(), cal.openDays(),
        cal.slots(), cal.fixedHolidays(), cal.easterMondayName(), cal.workingDays(), cal.workingHourDefinition());
  }

  /** The definition walked day by day, as the calendar counted before its closed form. */
  private static double dayByDay(BusinessCalendar c, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    double seconds = 0;
    LocalDate last = to.atZone(c.zone()).toLocalDate();
    for (LocalDate day = from.atZone(c.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      if (!c.workingDays().contains(day.getDayOfWeek()) || c.holidayName(day).isPresent()) {
        continue;
      }
      Instant start = day.atStartOfDay(c.zone()).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(c.zone()).toInstant();
      Instant a = start.isBefore(from) ? from : start;
      Instant b = end.isAfter(to) ? to : end;
      if (b.isAfter(a)) {
        seconds += Duration.between(a, b).toSeconds();
      }
    }
    return seconds / 3600.0;
  }
}
