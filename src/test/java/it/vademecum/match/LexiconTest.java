package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LexiconTest {

  private final Lexicon lexicon = Fixture.lexicon();

  private String expand(String s) {
    return lexicon.expand(s).trim().replaceAll("\\s+", " ");
  }

  @Test
  void expandsAbbreviationsIntoFullWords() {
    assertEquals("cliente non ricorda la password", expand("cli nn ricorda la pw"));
  }

  @Test
  void expandsOnlyWholeWords() {
    assertEquals("clic sul pulsante, pwned", expand("clic sul pulsante, pwned"));
  }

  @Test
  void expandsDottedAndMultiWordKeys() {
    assertEquals("il legale rappresentante firma", expand("il leg.rapp. firma"));
    assertEquals("il legale rappresentante firma", expand("il leg   rapp firma"));
    assertEquals("numero ordine 123", expand("n.ordine 123"));
  }

  @Test
  void expandsSymbolsAndNumbersOfJargon() {
    assertEquals("non riesce più a entrare", expand("nn riesce + a entrare"));
    assertEquals("pausa 626 quanto dura", expand("626 quanto dura"));
    assertEquals("626123", expand("626123"));
  }

  @Test
  void isCaseInsensitive() {
    assertEquals("password del cliente", expand("PW del CLI"));
  }

  @Test
  void emptyLexiconOnlyLowerCases() {
    assertEquals("cli nn ricorda la pw", Lexicon.empty().expand("Cli nn ricorda la PW"));
  }

  @Test
  void loadsTheShippedLexiconFile() {
    Path file = DialogTopics.dir().resolve("config/lexicon.json");
    assertTrue(Files.isRegularFile(file), "dialogs/config/lexicon.json is missing");
    Lexicon shipped = Lexicon.load(file);
    assertEquals("password", shipped.abbreviations().get("pw"));
    assertFalse(shipped.synonyms().isEmpty());
    String text = shipped.expand("il cli nn trova la psw x la pec, tkt aperto dal leg.rapp.");
    assertTrue(text.contains("cliente") && text.contains("password") && text.contains("ticket")
        && text.contains("legale rappresentante"), text);
  }

  @Test
  void keysMatchWithOrWithoutAccentsAndApostrophes() {
    Lexicon l = Lexicon.of(java.util.Map.of("chi è di turno", "turnazione", "dell'area clienti", "area clienti"),
        java.util.List.of(), java.util.Set.of(), java.util.Set.of());
    assertEquals("turnazione ?", l.expand("chi e di turno?").trim().replaceAll("\\s+", " "));
    assertEquals("turnazione", l.expand("Chi è di turno").trim());
    assertEquals("entra area clienti", l.expand("entra dell area clienti").trim().replaceAll("\\s+", " "));
    assertEquals("entra area clienti", l.expand("entra dell'area clienti").trim().replaceAll("\\s+", " "));
  }
}
