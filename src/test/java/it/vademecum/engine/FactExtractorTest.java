package it.vademecum.engine;

import static it.vademecum.engine.Knowledge.TUESDAY_10;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.Condition.Facts;
import it.vademecum.hours.Bounds;
import it.vademecum.hours.BusinessCalendar;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FactExtractorTest {

  private static final BusinessCalendar CAL = Knowledge.engine().catalog().calendar();

  private static Facts at(Instant now, String text) {
    return FactExtractor.extract(text, CAL, now);
  }

  private static Facts tuesday(String text) {
    return at(TUESDAY_10, text);
  }

  @Test
  void readsEuroAmountsInItalianFormats() {
    assertEquals(600.0, tuesday("bonifico di 600 euro").amountEuro().orElseThrow());
    assertEquals(600.0, tuesday("600€ non registrati").amountEuro().orElseThrow());
    assertEquals(1200.5, tuesday("importo € 1.200,50").amountEuro().orElseThrow());
    assertTrue(tuesday("più di 500 euro").amountEuro().orElseThrow() > 500);
    assertTrue(tuesday("ticket 123456").amountEuro().isEmpty());
  }

  @Test
  void countsDaysAgoOnWorkingDaysOnlyAndKeepsTheDayWhole() {
    // Tuesday 1 December 10:00; "5 giorni fa" is Thursday 26 November: the rest of Thursday (after
    // its end: 0 h of it) or all of it, then Friday, Monday and Tuesday until 10:00.
    Bounds b = tuesday("5 giorni fa").workingHours().orElseThrow();
    assertEquals(24 + 24 + 10, b.min(), 0.01);
    assertEquals(24 + 24 + 24 + 10, b.max(), 0.01);
    assertEquals(new Bounds(10, 34), tuesday("ieri").workingHours().orElseThrow());
  }

  @Test
  void takesStatedWorkingHoursAsTheyAre() {
    assertEquals(Bounds.exactly(80), tuesday("sono passate 80 ore lavorative").workingHours().orElseThrow());
    assertTrue(tuesday("oltre 72 ore lavorative").workingHours().orElseThrow().min() > 72);
    assertEquals(Bounds.exactly(72), tuesday("3 giorni lavorativi").workingHours().orElseThrow());
  }

  @Test
  void readsClockHoursBackFromNowOnTheCalendar() {
    // Monday 10:00 minus 80 clock hours is Friday 02:00: 22 h of Friday, 10 of Monday.
    Instant monday10 = Knowledge.rome("2026-11-30T10:00");
    assertEquals(Bounds.exactly(32), at(monday10, "sono passate 80 ore").workingHours().orElseThrow());
  }

  @Test
  void readsDatesAndWeekdaysAsWholeDaysInThePast() {
    Instant monday10 = Knowledge.rome("2026-11-30T10:00");
    assertEquals(new Bounds(10, 34), at(monday10, "bonifico fatto venerdì").workingHours().orElseThrow());
    assertEquals(new Bounds(10, 34), at(monday10, "pagato il 27/11").workingHours().orElseThrow());
    assertEquals(new Bounds(10, 34), at(monday10, "pagato il 27 novembre").workingHours().orElseThrow());
    assertTrue(at(monday10, "ha pagato, ticket 123456").workingHours().isEmpty());
  }

  @Test
  void aDayWithoutAYearIsTheNearestOneAndAFutureDayIsNotReadAsOneOfAYearAgo() {
    // Tuesday 1 December: "15/12" is most likely a slip for "15/11", not a transfer of a year ago.
    assertTrue(tuesday("bonifico fatto il 15/12 non registrato").workingHours().isEmpty());
    assertTrue(tuesday("pagato il 2 dicembre").workingHours().isEmpty());
    assertTrue(tuesday("casella scaduta il 20/12").expiredDays().isEmpty());
    assertEquals(new Bounds(10, 34), tuesday("pagato il 30/11").workingHours().orElseThrow());
    // Early in January, the end of December is last year's.
    Instant january = Knowledge.rome("2027-01-11T10:00");
    Bounds sinceDecember = at(january, "bonifico fatto il 28/12").workingHours().orElseThrow();
    assertTrue(sinceDecember.min() > 72 && sinceDecember.max() < 14 * 24, sinceDecember.toString());
    assertEquals(1, at(january, "pec scaduta il 10/01").expiredDays().orElseThrow().min(), 1.0);
  }

  @Test
  void readsExpiryAgeInDaysWeeksAndMonths() {
    assertEquals(Bounds.exactly(100), tuesday("pec scaduta da 100 giorni").expiredDays().orElseThrow());
    assertEquals(Bounds.exactly(14), tuesday("casella scaduta da 2 settimane").expiredDays().orElseThrow());
    assertEquals(new Bounds(56, 62), tuesday("scaduta da 2 mesi").expiredDays().orElseThrow());
    assertTrue(tuesday("scaduta da più di 90 gg").expiredDays().orElseThrow().min() > 90);
    assertTrue(tuesday("il bonifico è di 5 giorni fa").expiredDays().isEmpty());
  }

  @Test
  void readsAddressAndDomain() {
    Facts f = tuesday("la casella Mario.Rossi@IngPec.eu. non va");
    assertEquals("mario.rossi@ingpec.eu", f.address().orElseThrow());
    assertEquals("ingpec.eu", f.domain().orElseThrow());
    Facts bare = tuesday("cliente con dominio @archiworldpec.it");
    assertTrue(bare.address().isEmpty());
    assertEquals("archiworldpec.it", bare.domain().orElseThrow());
  }
}
