package it.vademecum.usage;

import it.vademecum.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SinceTest {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T23:30:00Z")); // 00:30 on the 11th in Rome

  @Test
  void todayIsTheRomeDay() {
    assertEquals(Instant.parse("2026-11-10T23:00:00Z"), Since.parse("oggi", clock, ROME));
    assertEquals(Instant.parse("2026-11-09T23:00:00Z"), Since.parse("ieri", clock, ROME));
    assertEquals(Instant.parse("2026-11-04T23:00:00Z"), Since.parse("Settimana", clock, ROME));
  }

  @Test
  void spansCountBackFromNow() {
    assertEquals(Instant.parse("2026-11-03T23:30:00Z"), Since.parse("7d", clock, ROME));
    assertEquals(Instant.parse("2026-11-03T23:30:00Z"), Since.parse("7g", clock, ROME));
    assertEquals(Instant.parse("2026-11-09T23:30:00Z"), Since.parse("24h", clock, ROME));
  }

  @Test
  void datesMeanTheirRomeMidnight() {
    assertEquals(Instant.parse("2026-10-31T23:00:00Z"), Since.parse("2026-11-01", clock, ROME));
    assertEquals(Instant.parse("2026-10-31T23:00:00Z"), Since.parse("01/11/2026", clock, ROME));
    assertEquals(Instant.parse("2026-07-31T22:00:00Z"), Since.parse("2026-08-01", clock, ROME));
  }

  @Test
  void malformedPeriodsGetAnItalianMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Since.parse("la settimana scorsa", clock, ROME));
    assertTrue(e.getMessage().contains("non è un periodo valido"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Since.parse("2026-13-01", clock, ROME));
    assertThrows(IllegalArgumentException.class, () -> Since.parse("", clock, ROME));
  }
}
