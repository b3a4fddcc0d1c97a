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
        canGoBack, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  private static Reply question(boolean canGoBack) {
    return reply(Reply.Kind.QUESTION, List.of("Argomento: Pagamenti"), "t", "Pagamenti", "n",
        "Come ha pagato il cliente?", List.of(new Option("Bonifico", "c:t:n:0"), new Option("Bollettino", "c:t:n:1")),
        Optional.empty(), List.of(), List.of(), canGoBack);
  }

  @Test
  void aQuestionStacksItsChoicesAsFullWidthBoxesAndKeepsTheNavigationInAShortRow() {
    Cards.Rendered r = Cards.render(question(true));
    JsonNode card = r.card();
    assertEquals("AdaptiveCard", card.path("type").asText());
    assertEquals("1.5", card.path("version").asText());
    assertEquals("Argomento: Pagamenti", card.path("body").path(0).path("text").asText(), "notices first");
    Map<String, String> buttons = Replies.buttons(card);
    assertEquals(Map.of("Bonifico", "c:t:n:0", "Bollettino", "c:t:n:1", "Indietro", "k:indietro",
        "Ricomincia", "k:ricomincia"), buttons);
    List<JsonNode> boxes = card.path("body").findParents("selectAction");
    assertEquals(2, boxes.size(), "one tappable box per choice");
    for (JsonNode box : boxes) {
      assertEquals("Container", box.path("type").asText());
      assertEquals("Action.Execute", box.path("selectAction").path("type").asText(),
          "settled by the invoke response, no second connector call");
      assertEquals(Cards.CHOICE_VERB, box.path("selectAction").path("verb").asText(), "Teams needs a verb");
      assertTrue(box.path("items").path(0).path("wrap").asBoolean(), "the label wraps, never cut");
    }
    assertEquals("1 · Bonifico", boxes.get(0).path("items").path(0).path("text").asText(),
        "numbered, as the agent may type the number");
    JsonNode nav = card.path("body").get(card.path("body").size() - 1);
    assertEquals("ActionSet", nav.path("type").asText());
    assertEquals(2, nav.path("actions").size());
    assertFalse(card.has("actions"), "no card-level action bar to crowd");
    assertEquals(List.of(), r.phrases());
  }

  @Test
  void indietroOnlyWhenThereIsSomewhereToGo() {
    assertFalse(Replies.buttons(Cards.render(question(false)).card()).containsKey("Indietro"));
  }

  @Test
  void buttonRowsStayShortEnoughForA450PixelColumn() {
    List<Option> many = List.of(new Option("Annulla segnalazione", "e:cancel"), new Option("👍 Utile", "f:up:t:s"),
        new Option("👎 Non utile", "f:down:t:s"), new Option("Prepara di nuovo la segnalazione", "e:start"));
    Answer a = new Answer("Passo.", Optional.empty(), Optional.empty(), List.of(), List.of());
    JsonNode card = Cards.render(reply(Reply.Kind.ANSWER, List.of(), "t", "T", "s", null, many, Optional.of(a),
        List.of(), List.of(), true)).card();
    int buttons = 0;
    for (JsonNode el : card.path("body")) {
      if ("ActionSet".equals(el.path("type").asText())) {
        int chars = 0;
        for (JsonNode b : el.path("actions")) {
          chars += b.path("title").asText().length() + 4;
          buttons++;
        }
        assertTrue(el.path("actions").size() <= Cards.ROW_MAX_BUTTONS, el.toString());
        assertTrue(el.path("actions").size() == 1 || chars <= Cards.ROW_BUDGET, el.toString());
      }
    }
    assertEquals(6, buttons, "four options, Indietro and Ricomincia");
  }

  @Test
  void aStepCarriesQueueEscalationNotesLinksAndEachPhraseInACopyBlock() {
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
    assertTrue(text.contains("Frase per il cliente · Saluto"), text);
    assertEquals("https://areaclienti.pec.it", Replies.buttons(out.card()).get("Area clienti"));
    assertEquals(List.of("Buongiorno, sono Mario.", "Arrivederci."), Replies.copyBlocks(out.card()));
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
  void theCopyBlockHoldsExactlyThePhraseWithAWrappedFallback() {
    String phrase = "Buongiorno, *sono* Mario_Rossi <a@b.it> [x](y): le rispondo.";
    JsonNode block = Cards.copyBlock(phrase);
    assertEquals("CodeBlock", block.path("type").asText());
    assertEquals(phrase, block.path("codeSnippet").asText(), "copied as it is, no label, no escaping");
    assertEquals("PlainText", block.path("language").asText());
    JsonNode fallback = block.path("fallback").path("items").path(0);
    assertEquals("TextBlock", fallback.path("type").asText());
    assertTrue(fallback.path("wrap").asBoolean());
    assertEquals(CardText.plain(phrase), fallback.path("text").asText(), "the fallback is Markdown: made safe");
  }

  @Test
  void theBotSendsOneCardPerReplyAndThePhrasesApartOnlyWhenAsked() {
    Answer a = new Answer("Rispondi così.", Optional.empty(), Optional.empty(), List.of(), List.of());
    Reply r = reply(Reply.Kind.ANSWER, List.of(), "t", "T", "s", null, List.of(), Optional.of(a),
        List.of(new Phrase("Saluto", "Buongiorno, *sono* Mario_Rossi.")), List.of(), false);
    var one = VademecumBot.activities(r, false);
    assertEquals(1, one.size());
    assertEquals(Cards.CONTENT_TYPE, one.get(0).getAttachments().get(0).getContentType());
    var apart = VademecumBot.activities(r, true);
    assertEquals(2, apart.size());
    assertEquals("Buongiorno, *sono* Mario_Rossi.", apart.get(1).getText());
    assertEquals("plain", apart.get(1).getTextFormat().toString());
  }

  @Test
  void aTopicMenuStacksItsTopicsAndOffersNoneOfThese() {
    Reply r = reply(Reply.Kind.SUGGESTIONS, List.of(), null, null, null, "Quale di questi?",
        List.of(new Option("Fatture", "t:fatture"), new Option("Nessuno di questi", "k:nessuno")), Optional.empty(),
        List.of(), List.of(), false);
    JsonNode card = Cards.render(r).card();
    assertEquals(Map.of("Fatture", "t:fatture", "Nessuno di questi", "k:nessuno"), Replies.buttons(card));
    assertEquals(2, card.path("body").findParents("selectAction").size(), "both are stacked boxes");
  }

  @Test
  void sectionsAreGroupsThatOpenOnAClick() {
    Reply r = reply(Reply.Kind.INFO, List.of(), null, null, null, "Argomenti:", List.of(), Optional.empty(),
        List.of(), List.of(), false).withSections(List.of(
            new Reply.Section("Pagamenti e fatture", List.of(new Option("Fatture", "t:fatture"))),
            new Reply.Section("Turno e pause", List.of(new Option("Pausa 626", "t:pausa"), new Option("Fine", "t:f")))));
    JsonNode card = Cards.render(r).card();
    JsonNode body = card.path("body");
    JsonNode header = body.path(1);
    assertEquals("Action.ToggleVisibility", header.path("selectAction").path("type").asText());
    String target = header.path("selectAction").path("targetElements").path(0).asText();
    JsonNode group = body.path(2);
    assertEquals(target, group.path("id").asText());
    assertFalse(group.path("isVisible").asBoolean(true), "closed until clicked");
    assertTrue(Replies.text(card).contains("Turno e pause (2 argomenti)"), Replies.text(card));
    assertEquals(Map.of("Fatture", "t:fatture", "Pausa 626", "t:pausa", "Fine", "t:f"), Replies.buttons(card));
  }

  @Test
  void aSettledQuestionShowsTheAnswerAndNoButtons() {
    JsonNode done = Cards.settled(new Reply.Settled("Come ha pagato il cliente?", "Bonifico"));
    assertEquals("Come ha pagato il cliente?\nRisposta: Bonifico\n", Replies.text(done));
    assertEquals(Map.of(), Replies.buttons(done));
    JsonNode passed = Cards.settled(new Reply.Settled("Come ha pagato il cliente?", null));
    assertTrue(Replies.text(passed).contains("già superata"), Replies.text(passed));
    assertFalse(Replies.text(passed).contains("Risposta"), "a stale click chose nothing");
  }
}
