package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexicalTopicMatcherTest {

  private static final LexicalTopicMatcher MATCHER = Fixture.matcher();

  private static void assertConfident(String topic, String text) {
    Ranking r = MATCHER.rank(text);
    assertEquals(topic, r.best(), () -> text + " → " + r);
    assertEquals(Ranking.Verdict.CONFIDENT, r.verdict(), () -> text + " → " + r);
  }

  private static void assertBest(String topic, String text) {
    Ranking r = MATCHER.rank(text);
    assertEquals(topic, r.best(), () -> text + " → " + r);
    assertNotEquals(Ranking.Verdict.NONE, r.verdict(), () -> text + " → " + r);
  }

  private static void assertNone(String text) {
    Ranking r = MATCHER.rank(text);
    assertEquals(Ranking.Verdict.NONE, r.verdict(), () -> text + " → " + r);
    assertNull(r.best());
  }

  @Test
  void recognisesATopicFromOneOfItsTriggers() {
    assertConfident("recupero-password", "il cliente non ricorda la password");
  }

  @Test
  void recognisesATopicFromAReworded() {
    assertBest("pagamento-non-registrato", "ha fatto un bonifico la settimana scorsa e ancora non risulta");
  }

  @Test
  void toleratesOneTypoInLongWords() {
    assertConfident("recupero-password", "passwrod dimenticata");
    assertBest("pagamento-non-registrato", "pagato con bolletino, ordine ancora da pagare");
  }

  @Test
  void toleratesTwoTyposInVeryLongWords() {
    TermPipeline p = new TermPipeline(Lexicon.empty(), new ItalianAnalysis());
    assertEquals(p.terms("rappresentante").get(0), MATCHER.correct(p.terms("rapprezentamte").get(0)));
  }

  @Test
  void doesNotAllowTwoTyposInMidLengthWords() {
    assertNull(MATCHER.correct("paswrod"));
  }

  @Test
  void doesNotCorrectShortWords() {
    assertNull(MATCHER.correct("pasw"));
    assertNull(MATCHER.correct("xyzzy"));
  }

  @Test
  void understandsAgentsAbbreviations() {
    assertConfident("recupero-password", "cli nn ricorda la pw");
    assertBest("modifica-contatti", "il cli ha un nuovo nr di cell, come lo cambia?");
    assertBest("pausa", "626 quanto dura?");
  }

  @Test
  void understandsParticiplesAndEncliticPronouns() {
    assertBest("rinnovo-casella", "la casella va rinnovata");
    assertBest("modifica-contatti", "il cellulare di recupero va modificato, come lo modifico? modificarlo dove?");
  }

  @Test
  void handlesElisionsAndAccents() {
    assertBest("modifica-contatti", "modificare l'email di recupero");
    assertBest("richiesta-autorita", "richiesta da un'autorita");
    assertBest("richiesta-autorita", "RICHIESTA DA UN'AUTORITÀ");
  }

  @Test
  void pecDomainPointsToItsTopic() {
    assertConfident("pec-partner", "il cliente ha una casella mario.rossi@ingpec.eu e non entra");
    assertConfident("pec-partner", "studio@archiworldpec.it");
  }

  @Test
  void siteSignalPointsToItsTopic() {
    assertConfident("modifica-contatti", "mandalo su modificacontatti.pec.it");
  }

  @Test
  void procedureCodePointsToItsTopic() {
    assertConfident("richiesta-autorita", "qual è la PRO11271?");
  }

  @Test
  void queueNamePointsToTheTopicsThatUseIt() {
    assertConfident("correzione-dati", "inoltro a account_anagrafica_cambio_dati?");
    Ranking shared = MATCHER.rank("pec_change_aruba");
    assertTrue(shared.top(3).stream().map(Scored::topicId).toList()
        .containsAll(List.of("correzione-dati", "disdetta-conservazione")), shared::toString);
  }

  @Test
  void offersTopThreeWhenAmbiguous() {
    Ranking r = MATCHER.rank("quale saluto uso?");
    assertEquals(Ranking.Verdict.AMBIGUOUS, r.verdict(), r::toString);
    List<String> top = r.top(3).stream().map(Scored::topicId).toList();
    assertTrue(top.containsAll(List.of("saluto-ticket", "saluto-chiamata")), top::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "il dominio del cliente non risolve, dns da sistemare",
      "come si attiva lo spid",
      "il sito wordpress sull'hosting è lento",
      "ciao come va?",
      "grazie mille",
      "what time is it in the office?",
      "can you help me please",
      "asdfghjkl qwertyuiop",
      "?",
      "",
      "   ",
      "12345 678",
      "lol"})
  void rejectsOutOfDomainText(String text) {
    assertNone(text);
  }

  @Test
  void rejectsLongRambling() {
    String ramble = "allora niente ieri sera sono andato al mare con gli amici e abbiamo mangiato una pizza "
        + "buonissima, poi siamo tornati a casa tardi e stamattina non mi sono svegliato in orario, ";
    String text = ramble.repeat(12);
    assertTrue(text.length() > 2000);
    assertNone(text);
  }

  @Test
  void scoresAreCalibratedInTheUnitInterval() {
    for (String text : List.of("pw", "password dimenticata", "PRO11271", "pec_change_aruba studio@ingpec.eu PRO11271",
        "bonifico bollettino pagamento non registrato bonifico")) {
      for (Scored s : MATCHER.rank(text).ranked()) {
        assertTrue(s.score() >= 0 && s.score() <= 1, s::toString);
      }
    }
  }

  @Test
  void rankingIsBestFirst() {
    List<Scored> ranked = MATCHER.rank("la pec è scaduta, il cliente deve rinnovare").ranked();
    for (int i = 1; i < ranked.size(); i++) {
      assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score());
    }
  }

  @Test
  void isSafeToShareBetweenThreads() {
    List<String> texts = List.of("cli nn ricorda la pw", "bonifico non risulta", "studio@ingpec.eu", "asdf",
        "casella scaduta", "come saluto il cliente");
    List<Ranking> expected = texts.stream().map(MATCHER::rank).toList();
    IntStream.range(0, 2000).parallel().forEach(i -> {
      int k = i % texts.size();
      assertEquals(expected.get(k), MATCHER.rank(texts.get(k)));
    });
  }

  @Test
  void anEmptyIndexAnswersNoTopic() {
    LexicalTopicMatcher empty = LexicalTopicMatcher.build(List.of(), Lexicon.empty());
    assertEquals(Ranking.Verdict.NONE, empty.rank("password dimenticata").verdict());
  }
}
