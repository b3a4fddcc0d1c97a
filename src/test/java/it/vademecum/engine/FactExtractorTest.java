package it.vademecum.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.Condition.Facts;
import org.junit.jupiter.api.Test;

class FactExtractorTest {

  @Test
  void readsEuroAmountsInItalianFormats() {
    assertEquals(600.0, FactExtractor.extract("bonifico di 600 euro").amountEuro().orElseThrow());
    assertEquals(600.0, FactExtractor.extract("600€ non registrati").amountEuro().orElseThrow());
    assertEquals(1200.5, FactExtractor.extract("importo € 1.200,50").amountEuro().orElseThrow());
    assertTrue(FactExtractor.extract("più di 500 euro").amountEuro().orElseThrow() > 500);
    assertTrue(FactExtractor.extract("ticket 123456").amountEuro().isEmpty());
  }

  @Test
  void readsElapsedTimeAsHoursWithDaysCounting24() {
    assertEquals(120.0, FactExtractor.extract("5 giorni fa").elapsedHours().orElseThrow());
    assertEquals(48.0, FactExtractor.extract("due giorni fa").elapsedHours().orElseThrow());
    assertEquals(80.0, FactExtractor.extract("sono passate 80 ore").elapsedHours().orElseThrow());
    assertTrue(FactExtractor.extract("oltre 72h").elapsedHours().orElseThrow() > 72);
  }

  @Test
  void readsAddressAndDomain() {
    Facts f = FactExtractor.extract("la casella Mario.Rossi@IngPec.eu. non va");
    assertEquals("mario.rossi@ingpec.eu", f.address().orElseThrow());
    assertEquals("ingpec.eu", f.domain().orElseThrow());
    Facts bare = FactExtractor.extract("cliente con dominio @archiworldpec.it");
    assertTrue(bare.address().isEmpty());
    assertEquals("archiworldpec.it", bare.domain().orElseThrow());
  }
}
