package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermPipelineTest {

  private final TermPipeline pipeline = new TermPipeline(Fixture.lexicon(), new ItalianAnalysis());

  @Test
  void dropsElidedArticles() {
    assertEquals(pipeline.terms("area clienti"), pipeline.terms("dell'area clienti"));
    assertEquals(pipeline.terms("email"), pipeline.terms("l'email"));
  }

  @Test
  void foldsAccents() {
    assertEquals(pipeline.terms("identita"), pipeline.terms("identità"));
    assertEquals(pipeline.terms("perche"), pipeline.terms("perché"));
  }

  @Test
  void stemsInflections() {
    assertEquals(pipeline.terms("fattura"), pipeline.terms("fatture"));
  }

  @Test
  void foldsSynonymsOntoOneTerm() {
    assertEquals(pipeline.terms("scadenza"), pipeline.terms("scaduta"));
    assertEquals(pipeline.terms("bollettino"), pipeline.terms("postale"));
  }

  @Test
  void dropsFillerWords() {
    assertEquals(pipeline.terms("password"), pipeline.terms("ciao allora password grazie"));
  }

  @Test
  void appliesAbbreviationsBeforeAnalysis() {
    List<String> terms = pipeline.terms("il cli nn ricorda la pw");
    assertEquals(pipeline.terms("il cliente non ricorda la password"), terms);
  }

  @Test
  void marksWordsOfOtherProducts() {
    String hosting = pipeline.terms("hosting").get(0);
    assertTrue(pipeline.isForeign(hosting));
    assertFalse(pipeline.isForeign(pipeline.terms("password").get(0)));
  }

  @Test
  void offersInfinitivesForParticiplesAndEncliticForms() {
    String infinitive = pipeline.terms("aggiornare").get(0);
    assertTrue(pipeline.variants(pipeline.terms("aggiornarlo").get(0)).contains(infinitive));
    assertTrue(pipeline.variants(pipeline.terms("aggiornato").get(0)).contains(infinitive));
    assertTrue(pipeline.variants(pipeline.terms("aggiornando").get(0)).contains(infinitive));
    assertTrue(pipeline.variants(pipeline.terms("aggiorna").get(0)).contains(infinitive));
  }

  @Test
  void offersParticiplesAndInfinitivesOfOtherVerbForms() {
    String participle = pipeline.terms("bloccato").get(0);
    assertTrue(pipeline.variants(pipeline.terms("bloccare").get(0)).contains(participle));
    assertTrue(pipeline.variants(pipeline.terms("blocca").get(0)).contains(participle));
    assertTrue(pipeline.variants(pipeline.terms("apro").get(0)).contains(pipeline.terms("aprire").get(0)));
  }

  @Test
  void aCiareVerbsFormsReachTheRootTheStemmerCutsItsPresentTo() {
    String present = pipeline.terms("spaccia").get(0);
    assertTrue(pipeline.variants(pipeline.terms("spacciato").get(0)).contains(present));
    assertTrue(pipeline.variants(pipeline.terms("spacciare").get(0)).contains(present));
  }

  @Test
  void aParticipleFormIsNotFoldedIntoAConcept() {
    // "scaduta" is a member of the "scadenza" concept: a verb form reached by the participle rule
    // stays the word it is, so a verb is not carried into another topic's situation.
    assertFalse(pipeline.variants(pipeline.terms("scadere").get(0)).contains(pipeline.terms("scadenza").get(0)));
  }

  @Test
  void conceptPhrasesAlsoMatchInflectedAndWithOtherArticles() {
    TermPipeline p = new TermPipeline(
        Lexicon.of(Map.of(), List.of(List.of("recesso", "comprata per sbaglio")), Set.of(), Set.of()), new ItalianAnalysis());
    String recesso = p.terms("recesso").get(0);
    assertEquals(List.of(recesso), p.terms("comprato per sbaglio"));
    // The phrase's words must stay together.
    assertFalse(p.terms("ha comprato la pec per sbaglio").contains(recesso));
    assertEquals(List.of(recesso), p.terms("comprate per sbaglio"));
  }

  @Test
  void aNegatedConceptPhraseMatchesOnlyAsWritten() {
    TermPipeline p = new TermPipeline(
        Lexicon.of(Map.of(), List.of(List.of("registrato", "non risulta pagato")), Set.of(), Set.of()), new ItalianAnalysis());
    String registrato = p.terms("registrato").get(0);
    assertTrue(p.terms("il bonifico non risulta pagato").contains(registrato));
    assertFalse(p.terms("il bonifico risulta pagato").contains(registrato));
  }

  @Test
  void countsAClausesWordsBeforeConceptsFoldThem() {
    TermPipeline p = new TermPipeline(
        Lexicon.of(Map.of(), List.of(List.of("conservazione", "conservazione digitale")), Set.of(), Set.of()),
        new ItalianAnalysis());
    assertEquals(1, p.terms("la conservazione digitale").size());
    assertEquals(2, p.contentWords("la conservazione digitale"));
  }
}
