package it.vademecum.engine;

import static it.vademecum.engine.Knowledge.TUESDAY_10;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16: office life that is no topic gets "no topic" and the «argomenti» hint, never a menu. */
class OfficeLifeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "il badge non mi apre la porta dell'ufficio",
      "la stampante del secondo piano non stampa",
      "a che ora è la riunione di team domani",
      "chi è di turno stasera come tl?",
      "posso leggere la casella di un collega in ferie?",
      "il cliente chiede di pagare a rate",
      "il mio pc è lentissimo stamattina",
      "quando c'è il prossimo corso di formazione"})
  void officeLifeIsNoTopicWithTheArgomentiHint(String sentence) {
    Reply r = Conversation.at(TUESDAY_10).say(sentence);
    assertEquals(Reply.Kind.NOT_FOUND, r.kind(), sentence + " → " + r.search());
    assertTrue(r.lines().stream().anyMatch(l -> l.contains("«argomenti»")), r.lines().toString());
    assertFalse(r.sections().isEmpty(), "every topic, by group, one click away");
  }
}
