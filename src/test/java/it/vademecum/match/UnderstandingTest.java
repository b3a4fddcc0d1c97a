package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16 on the real dialogs: paraphrases without the topic's words, English words agents mix in,
 * and two topics in one sentence. The sentences are written here, not taken from an evaluation set.
 */
class UnderstandingTest {

  private static LexicalTopicMatcher matcher;

  @BeforeAll
  static void load() {
    List<TopicText> topics = DialogTopics.load();
    matcher = topics.isEmpty() ? null : LexicalTopicMatcher.build(topics, DialogTopics.lexicon());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "il cliente vuole il refund della pec | diritto-di-recesso",
      "si è pentito e rivuole i soldi | diritto-di-recesso",
      "addebito mai autorizzato sulla carta | disconoscimento-pagamento",
      "mi serve la frase quando alzo la cornetta | saluto-chiamata",
      "tra 10 minuti vado a casa, cosa faccio coi ticket | fine-turno",
      "anche i colleghi hanno lo stesso problema con la webmail | incident",
      "come gli chiedo di restare in linea mentre controllo | attesa",
      "cliente chiede il password reset della webmail | recupero-password",
      "sono tre ore davanti allo schermo, posso sgranchirmi? | pausa",
      "sto per staccare, che faccio con le mie pratiche aperte | fine-turno",
      "vuole vedere da quali indirizzi ip sono entrati nella sua casella | log-applicativi",
      "vuole mettere il numero nuovo al posto del vecchio numero per i codici | modifica-contatti",
      "posso fare il close della segnalazione adesso? | chiusura-richiesta",
      "il locale è stato ceduto e il nuovo gestore vuole la casella a nome suo | modifica-titolare",
      "al commercialista serve il giustificativo dell'acquisto della pec | fatture",
      "la casella non è stata rinnovata e adesso non riceve più niente | rinnovo-casella",
      "ha cambiato sim e i codici gli arrivano ancora al numero vecchio | modifica-contatti",
      "la signora giura che quell'addebito non l'ha mai fatto lei | disconoscimento-pagamento",
      "mi squilla la linea, con quali parole apro la telefonata? | saluto-chiamata",
      "la signora ha comprato la casella per sbaglio e vuole riavere quanto ha pagato | diritto-di-recesso"})
  void paraphrasesAndEnglishWordsFindTheirTopic(String sentence, String topic) {
    assumeTrue(matcher != null, "no topic files");
    assertEquals(topic, matcher.rank(sentence).best(), () -> matcher.rank(sentence) + " [" + matcher.explain(sentence) + "]");
  }

  @Test
  void anEnglishMessageAboutAPecTopicGetsAMenuAndEnglishChatterNoTopic() {
    assumeTrue(matcher != null, "no topic files");
    Ranking pec = matcher.rank("my customer has forgotten the password of his webmail, what can he do");
    assertEquals(Ranking.Verdict.AMBIGUOUS, pec.verdict(), pec::toString);
    assertEquals("recupero-password", pec.best(), pec::toString);
    assertEquals(Ranking.Verdict.NONE, matcher.rank("where is the coffee machine on this floor").verdict());
  }

  @Test
  void anEnglishMessageWhosePecWordsPointAtATopicWithoutCertaintyStillGetsAMenu() {
    assumeTrue(matcher != null, "no topic files");
    for (String[] c : new String[][] {{"my shift is over, what do I do with my open tickets", "fine-turno"},
        {"I have to put the customer on hold for a minute", "attesa"}}) {
      Ranking r = matcher.rank(c[0]);
      assertEquals(Ranking.Verdict.AMBIGUOUS, r.verdict(), r::toString);
      assertEquals(c[1], r.best(), r::toString);
    }
    assertEquals(Ranking.Verdict.NONE, matcher.rank("can you help me with my laptop, it is very slow today").verdict(),
        "English office chatter stays no topic");
  }

  @Test
  void twoTopicsInOneSentenceAreBothOfferedTheMainOneFirst() {
    assumeTrue(matcher != null, "no topic files");
    Ranking r = matcher.rank("il cliente ha dimenticato la password della webmail, poi vuole anche sapere dove "
        + "scaricare la fattura");
    assertEquals(Ranking.Verdict.AMBIGUOUS, r.verdict());
    assertEquals(List.of("recupero-password", "fatture"), r.top(2).stream().map(Scored::topicId).toList());
  }

  @Test
  void aClauseWhoseWordsFoldIntoOneConceptStillNamesItsTopic() {
    assumeTrue(matcher != null, "no topic files");
    Ranking r = matcher.rank("vuole recedere dal contratto e disdire anche la conservazione digitale");
    assertEquals(Ranking.Verdict.AMBIGUOUS, r.verdict());
    assertEquals(Set.of("disdetta-conservazione", "diritto-di-recesso"),
        Set.copyOf(r.top(2).stream().map(Scored::topicId).toList()), r::toString);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "vuole recedere dal contratto e disdire anche la conservazione digitale | diritto-di-recesso | disdetta-conservazione",
      "il nuovo titolare deve subentrare nella casella e magari cambiare pure il nome della pec | modifica-titolare | cambio-nome"})
  void aTopicNamedOnlyInAnAsideComesSecondEvenWhenItScoresHigher(String sentence, String main, String aside) {
    assumeTrue(matcher != null, "no topic files");
    Ranking r = matcher.rank(sentence);
    assertEquals(Ranking.Verdict.AMBIGUOUS, r.verdict());
    assertEquals(List.of(main, aside), r.top(2).stream().map(Scored::topicId).toList(), r::toString);
  }

  @Test
  void aOneWordClauseAfterMaStopsTheOtherTopicFromStartingAtOnce() {
    assumeTrue(matcher != null, "no topic files");
    Ranking r = matcher.rank("ha pagato la pec con la carta di credito online, la transazione è riuscita ma la fattura non c'è");
    assertEquals(Ranking.Verdict.AMBIGUOUS, r.verdict(), r::toString);
    assertEquals(Set.of("pagamento-online", "fatture"), Set.copyOf(r.top(2).stream().map(Scored::topicId).toList()), r::toString);
  }

  @Test
  void connectivesAndAdverbsAreNotTakenForTopicWords() {
    assumeTrue(matcher != null, "no topic files");
    TermPipeline pipeline = new TermPipeline(DialogTopics.lexicon(), new ItalianAnalysis());
    // "inoltre" is analysed like "inoltrare" (forward a ticket); "circa", "presso", "quasi" were
    // corrected to "cerca", "presa", "quali".
    assertEquals(pipeline.terms("la fattura"), pipeline.terms("inoltre circa quasi presso di lui purtroppo la fattura"));
    assertEquals(List.of("inoltrar", "ticket"), pipeline.terms("inoltrare il ticket"));
  }

  @Test
  void twoClausesJoinedByMaAreBothOffered() {
    assumeTrue(matcher != null, "no topic files");
    Ranking r = matcher.rank("vuole scaricare la fattura della pec ma non si ricorda la password della webmail");
    assertEquals(Ranking.Verdict.AMBIGUOUS, r.verdict());
    assertEquals(Set.of("fatture", "recupero-password"),
        Set.copyOf(r.top(2).stream().map(Scored::topicId).toList()), r::toString);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "oggi sono in malattia, a chi mando il certificato medico",
      "come si chiedono i buoni pasto del mese",
      "posso scambiare il turno di domenica con te?",
      "il mio outlook aziendale chiede sempre la password",
      "posso fare cambio turno con un collega la settimana prossima?",
      "il softphone oggi non squilla",
      "ho perso la chiave del mio armadietto",
      "arrivo in ritardo stamattina per il traffico"})
  void officeLifeIsNoTopic(String sentence) {
    assumeTrue(matcher != null, "no topic files");
    assertEquals(Ranking.Verdict.NONE, matcher.rank(sentence).verdict(),
        () -> matcher.rank(sentence) + " [" + matcher.explain(sentence) + "]");
  }

  @Test
  void aPhraseSynonymStaysAPhraseAndIsMatchedAfterTheAbbreviations() {
    Lexicon lexicon = Lexicon.of(Map.of("mail", "email"), List.of(List.of("incident", "più clienti", "sola mail")),
        Set.of(), Set.of());
    TermPipeline p = new TermPipeline(lexicon, new ItalianAnalysis());
    assertEquals(List.of("client"), p.terms("il cliente"), "«più» is a stop word: «cliente» alone is not the phrase");
    assertEquals(List.of("incident"), p.terms("più clienti"));
    assertEquals(List.of("incident"), p.terms("sola mail"));
  }
}
