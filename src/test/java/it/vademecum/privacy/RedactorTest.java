package it.vademecum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.config.Settings;
import it.vademecum.config.TypedSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  private final Redactor redactor = Redactor.defaults();

  private String r(String s) {
    return redactor.redact(s);
  }

  @Test
  void testDataIsValidForItsChecksum() {
    assertTrue(Checksums.codiceFiscale("RSSMRA80A01H501U"));
    assertTrue(Checksums.codiceFiscale("BNCGLI85T45F205K"));
    assertFalse(Checksums.codiceFiscale("RSSMRA80A01H501X"));
    assertTrue(Checksums.partitaIva("01114601006"));
    assertFalse(Checksums.partitaIva("01114601007"));
    assertTrue(Checksums.iban("IT60X0542811101000000123456"));
    assertFalse(Checksums.iban("IT61X0542811101000000123456"));
    assertTrue(Checksums.luhn("4111111111111111"));
    assertFalse(Checksums.luhn("4111111111111112"));
  }

  @Test
  void keepsPecProviderDomainButDropsThePerson() {
    assertEquals("cliente [email]@ingpec.eu non riceve", r("cliente mario.rossi@ingpec.eu non riceve"));
    assertEquals("scrive da [email]@pec.it e da [email]@legalmail.it",
        r("scrive da studio.bianchi@PEC.IT e da avv.verdi@legalmail.it"));
    assertEquals("[email]@archiworldpec.it", r("arch.neri@archiworldpec.it"));
    assertEquals("mail da [email]@staff.aruba.it", r("mail da comunicazioni@staff.aruba.it"));
  }

  @Test
  void dropsPrivateDomainsEntirely() {
    assertEquals("la sua mail è [email], la PEC [email]", r("la sua mail è giulia.bianchi85@gmail.com, la PEC giulia@pec.studiobianchi.it"));
    assertEquals("[email].", r("m.rossi@rossi-srl.com."));
  }

  @Test
  void providerDomainsAreConfigurable() {
    Redactor custom = Redactor.from(TypedSettings.Redaction.from(
        Settings.load(Map.of("PEC_PROVIDER_DOMAINS", "pec.example.it"), Path.of("/nonexistent/.env"))));
    assertEquals("[email]@pec.example.it e [email]", custom.redact("a@pec.example.it e b@ingpec.eu"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "3351234567", "335 1234567", "335-123-4567", "335.123.45.67", "+39 335 1234567", "+393351234567",
      "0039 335 1234567", "06 12345678", "06-1234.5678", "0575 123456", "0575/123456", "(0575) 123456",
      "02 8765 4321", "+39 02 87654321", "+41 79 123 45 67", "339 12 34 567"})
  void redactsPhoneNumbersInEveryCommonFormat(String phone) {
    assertEquals("richiamare al [telefono] dopo", r("richiamare al " + phone + " dopo"));
  }

  @Test
  void redactsAnyNumberLabelledAsPhone() {
    assertEquals("cell: [telefono]", r("cell: 8812345678"));
  }

  @Test
  void keepsArubasOwnPublishedNumbers() {
    assertEquals("digli di chiamare lo 0575 050013 o lo 05750505",
        r("digli di chiamare lo 0575 050013 o lo 05750505"));
    assertEquals("+39 0575050014", r("+39 0575050014"));
    assertEquals("(05750505/05ricontatto)", r("(05750505/05ricontatto)"));
  }

  @Test
  void redactsValidCodiceFiscaleButKeepsOrderNumbers() {
    assertEquals("cf [cf] ordine 3312345678 tkt #4412345",
        r("cf RSSMRA80A01H501U ordine 3312345678 tkt #4412345"));
    assertEquals("codice fiscale [cf]", r("codice fiscale bncgli85t45f205k"));
  }

  @Test
  void redactsMistypedCodiceFiscaleToo() {
    assertEquals("[cf] (check sbagliato)", r("RSSMRA80A01H501X (check sbagliato)"));
  }

  @Test
  void doesNotMistakeWordsForCodiceFiscale() {
    String s = "precipitevolissimevolmente PRO11271 modificacontatti";
    assertEquals(s, r(s));
  }

  @Test
  void redactsPartitaIvaWithOrWithoutPrefix() {
    assertEquals("P.IVA [piva] e [piva] e [piva]", r("P.IVA 01114601006 e IT01114601006 e IT 06363391001"));
    assertEquals("partita iva [piva]", r("partita iva 12345678901"));
  }

  @Test
  void redactsNumericCodiceFiscaleOfCompaniesAsCf() {
    assertEquals("c.f. [cf]", r("c.f. 01114601006"));
  }

  @Test
  void redactsIbansWithAndWithoutSpaces() {
    assertEquals("iban [iban] grazie", r("iban IT60X0542811101000000123456 grazie"));
    assertEquals("IBAN: [iban] ok", r("IBAN: IT60 X054 2811 1010 0000 0123 456 ok"));
    assertEquals("[iban] e [iban]", r("it60x0542811101000000123456 e DE89 3704 0044 0532 0130 00"));
    assertEquals("[iban] ricevuto", r("GB82 WEST 1234 5698 7654 32 ricevuto"));
  }

  @Test
  void keepsIbanLookalikesThatFailTheCheck() {
    assertEquals("IT61X0542811101000000123456", r("IT61X0542811101000000123456"));
  }

  @Test
  void redactsCardNumbersPassingLuhn() {
    assertEquals("carta [carta] scaduta", r("carta 4111 1111 1111 1111 scaduta"));
    assertEquals("[carta]", r("5555-5555-5555-4444"));
    assertEquals("amex [carta]", r("amex 378282246310005"));
    assertEquals("4111111111111112", r("4111111111111112"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ha pagato 500 € con bonifico 5 giorni fa",
      "sono passate più di 72 ore lavorative",
      "ordine n. 0312345678 non risulta pagato",
      "ordine 12345678901 annullato",
      "CRO 12345678901 del bonifico",
      "TRN 0306909584621123456789012345IT",
      "ticket #123456789",
      "tkt 3456789012",
      "fattura nr 0001234567 del 05/11/2026",
      "alle 10.30 del 05.11.2026 e poi alle 09:15",
      "importo di € 1.500.000,00",
      "procedura PRO11271 e 626",
      "rinnovo di 3 anni, 25 caselle, 2 GB",
      "scadenza 2026-11-30",
      "rif. 0123456789"})
  void keepsNumbersThatAreNotPersonalData(String s) {
    assertEquals(s, r(s));
  }

  @Test
  void redactsPhoneAfterADate() {
    assertEquals("il 05/11/2026 [telefono] ha chiamato", r("il 05/11/2026 3351234567 ha chiamato"));
  }

  @Test
  void redactsASentenceFullOfPersonalData() {
    String s = "Cliente Mario Rossi, PEC mario.rossi@ingpec.eu, cell +39 347 123 4567, fisso 06/1234567, "
        + "CF RSSMRA80A01H501U, P.IVA IT01114601006, IBAN IT60 X054 2811 1010 0000 0123 456, "
        + "carta 4539 5787 6362 1486, ordine 3312345678, bonifico di 500 € 72 ore fa";
    assertEquals("Cliente Mario Rossi, PEC [email]@ingpec.eu, cell [telefono], fisso [telefono], "
        + "CF [cf], P.IVA [piva], IBAN [iban], carta [carta], ordine 3312345678, bonifico di 500 € 72 ore fa", r(s));
  }

  @Test
  void nullAndEmptyPassThrough() {
    assertNull(r(null));
    assertEquals("", r(""));
  }

  @Test
  void longRamblingTextIsHandled() {
    String s = "non so ".repeat(300) + "3351234567";
    assertTrue(r(s).endsWith("[telefono]"));
  }
}
