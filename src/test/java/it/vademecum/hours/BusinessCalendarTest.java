package it.vademecum.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.Knowledge;
import java.time.LocalDate;
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
}
