package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.vademecum.dialog.Step;
import it.vademecum.engine.Answer;
import it.vademecum.engine.Option;
import it.vademecum.engine.Phrase;
import it.vademecum.engine.Reply;
import it.vademecum.dialog.Local;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies rendered as Adaptive Cards and plain phrase messages, without the SDK. */
class CardsTest {

  /** The one place that builds a Reply here (its record grows with the engine). */
  private static Reply reply(Reply.Kind kind, List<String> notices, String topicId, String topicTitle,
      String nodeId, String prompt, List<Option> options, Optional<Answer> answer, List<Phrase> phrases,
      List<String> lines, boolean canGoBack) {
    return new Reply(kind, notices, topicId, topicTitle, nodeId, prompt, options, answer, phrases, lines,
        canGoBack, Optional.empty(), Optional.empty());
  }

  private static Reply question(boolean canGoBack) {
    return reply(Reply.Kind.QUESTION, List.of("Argomento: Pagamenti"), "t", "Pagamenti", "n",
        "Come ha pagato il cliente?", List.of(new Option("Bonifico", "c:t:n:0"), new Option("Bollettino", "c:t:n:1")),
        Optional.empty(), List.of(), List.of(), canGoBack);
  }

  @Test
  void aQuestionIsACardWithOneSubmitPerChoiceAndTheNavigation() {
    Cards.Rendered r = Cards.render(question(true));
    JsonNode card = r.card();
    assertEquals("AdaptiveCard", card.path("type").asText());
    assertEquals("1.5", card.path("version").asText());
    assertEquals("Argomento: Pagamenti", card.path("body").path(0).path("text").asText(), "notices first");
    Map<String, String> buttons = Replies.buttons(card);
    assertEquals(Map.of("Bonifico", "c:t:n:0", "Bollettino", "c:t:n:1", "Indietro", "k:indietro",
        "Ricomincia", "k:ricomincia"), buttons);
    card.path("body").forEach(el -> el.path("actions")
        .forEach(a -> assertEquals("Action.Submit", a.path("type").asText())));
    assertEquals(List.of(), r.phrases());
  }

  @Test
  void indietroOnlyWhenThereIsSomewhereToGo() {
    assertFalse(Replies.buttons(Cards.render(question(false)).card()).containsKey("Indietro"));
  }

  @Test
  void aStepShowsQueueEscalationNotesLinksAndSendsPhrasesApart() {
    Answer a = new Answer("Inoltra a billing.", Optional.of("pagamenti_billing_aruba"), Optional.of("Oltre 72 ore"),
        List.of("Aggiungi il numero d'ordine."), List.of(new Step.Link("Area clienti", "https://areaclienti.pec.it")));
    Reply r = reply(Reply.Kind.ANSWER, List.of(), "t", "T", "s", null, List.of(), Optional.of(a),
        List.of(new Phrase("Saluto", "Buongiorno, sono Mario."), new Phrase("Chiusura", "Arrivederci.")),
        List.of(), false);
    Cards.Rendered out = Cards.render(r);
    String text = Replies.text(out.card());
    assertTrue(text.contains("Inoltra a billing."), text);
    assertTrue(text.contains("Coda: pagamenti_billing_aruba"), text);
    assertTrue(text.contains("Scala al TL: Oltre 72 ore"), text);
    assertTrue(text.contains("Nota: Aggiungi il numero d'ordine."), text);
    assertFalse(text.contains("Buongiorno, sono Mario."), "phrases are not in the card");
    assertEquals("https://areaclienti.pec.it", Replies.buttons(out.card()).get("Area clienti"));
    assertEquals(List.of("Buongiorno, sono Mario.", "Arrivederci."), out.phrases());
  }

  @Test
  void aStepShowsInternalRulesMarkedWithTheirOwnerApartFromTheNotes() {
    Answer a = new Answer("Fai la conference.", Optional.empty(), Optional.empty(), List.of("Orario: 8:30–12:45."),
        List.of(), List.of(new Local("Nei festivi il secondo livello è chiuso.", "TL PEC", LocalDate.of(2026, 12, 1),
            "le note non parlano di festività")));
    Reply r = reply(Reply.Kind.ANSWER, List.of(), "t", "T", "s", null, List.of(), Optional.of(a), List.of(), List.of(),
        false);
    String text = Replies.text(Cards.render(r).card());
    assertTrue(text.contains("Nota: Orario: 8:30–12:45."), text);
    assertTrue(text.contains("Regola interna (TL PEC): Nei festivi il secondo livello è chiuso."), text);
    assertFalse(text.contains("Nota: Nei festivi"), text);
  }

  @Test
  void theBotSendsTheCardThenEachPhraseAsPlainText() {
    Answer a = new Answer("Rispondi così.", Optional.empty(), Optional.empty(), List.of(), List.of());
    Reply r = reply(Reply.Kind.ANSWER, List.of(), "t", "T", "s", null, List.of(), Optional.of(a),
        List.of(new Phrase("Saluto", "Buongiorno, *sono* Mario_Rossi.")), List.of(), false);
    var activities = VademecumBot.activities(r);
    assertEquals(2, activities.size());
    assertEquals(Cards.CONTENT_TYPE, activities.get(0).getAttachments().get(0).getContentType());
    assertEquals("Buongiorno, *sono* Mario_Rossi.", activities.get(1).getText());
    assertEquals("plain", activities.get(1).getTextFormat().toString());
  }

  @Test
  void suggestionsAndInfoCarryTheirButtonsWithoutNavigation() {
    Reply r = reply(Reply.Kind.SUGGESTIONS, List.of(), null, null, null, "Quale di questi?",
        List.of(new Option("Fatture", "t:fatture")), Optional.empty(), List.of(), List.of(), false);
    assertEquals(Map.of("Fatture", "t:fatture"), Replies.buttons(Cards.render(r).card()));
  }
}
