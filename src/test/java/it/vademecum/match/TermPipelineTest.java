package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
  }
}
