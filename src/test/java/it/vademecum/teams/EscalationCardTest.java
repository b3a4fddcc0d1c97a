package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The team leads' card: its shape, and that nothing an agent or a Teams profile supplies can inject markup. */
class EscalationCardTest {

  static final String AAD = "00000000-0000-0000-0000-0000000000020";
  static final List<String> HOSTILE = List.of(
      "[Clicca qui](https://evil.example/login)",
      "![img](https://evil.example/pixel.png)",
      "# Titolo finto",
      "- punto di elenco",
      "1. primo",
      "   codice indentato",
      "---",
      "```js",
      "<AT>everyone</AT>",
      "<at>Capo</at>",
      "<At>channel</aT>",
      "<b>grassetto</b><img src=x onerror=alert(1)>",
      "<https://evil.example>",
      "riga uno\n# riga due\n- riga tre",
      "\u202Eesrever\u200B");

  private static Escalation escalation(String note, String name, String upn, String ticket, State state,
      String takenBy) {
    EscalationRequest r = new EscalationRequest("pagamento-non-registrato", "Pagamento non registrato", "scala-tl",
        "Scala al TL.", "Bonifico non registrato dopo 72 ore lavorative", ticket, note,
        List.of("Come ha pagato il cliente? → " + note));
    Instant at = Instant.parse("2026-12-01T09:15:00Z");
    return new Escalation(12, at, "t/" + AAD, AAD, name, upn, r, state, 1, null, "c", "a", at,
        takenBy, state == State.TAKEN ? at.plusSeconds(300) : null, 0);
  }

  /** Every text a client renders: TextBlock texts, fact titles and values, action titles. */
  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getValue().isTextual() && List.of("text", "value", "title").contains(f.getKey())
            && !f.getKey().equals("type")) {
          out.add(f.getValue().asText());
        } else {
          collect(f.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  private static final Pattern MARKUP = Pattern.compile(
      "[<>]|\\]\\(|^\\s*([-*+] |#+( |$)|\\d+[.)] |```|~~~|---|\\*\\*\\*|___|\\s{4})");

  private static void assertNoInjection(ObjectNode card) {
    JsonNode entities = card.path("msteams").path("entities");
    assertEquals(1, entities.size(), "one mention, the bot's own: " + entities);
    String mention = entities.get(0).path("text").asText();
    assertEquals(AAD, entities.get(0).path("mentioned").path("id").asText());
    for (String t : texts(card.path("body"))) {
      String outside = t.replace(mention, "");
      assertFalse(MARKUP.matcher(outside).find(), "markup in a card text: «" + t + "»");
      assertFalse(outside.matches("(?s).*[\\n\\r\\u202E\\u200B].*"), "break or invisible mark: «" + t + "»");
    }
    assertFalse(mention.substring(4, mention.length() - 5).matches(".*[<>].*"), mention);
  }

  @Test
  void hostileNotesNamesUpnsTicketsAndTeamLeadNamesCannotInjectMarkupOrMentions() {
    for (String h : HOSTILE) {
      assertNoInjection(EscalationCard.render(escalation(h, h, h + "@example.com", h, State.POSTED, null)));
      ObjectNode taken = EscalationCard.render(escalation(h, "Mario " + h, h, "1234567", State.TAKEN, h));
      assertNoInjection(taken);
      assertNoInjection(EscalationCard.render(escalation(h, h, h, h, State.TAKEN, h), "Già presa da " + h));
    }
    String everyone = EscalationCard.render(escalation("<AT>everyone</AT>", "<AT>everyone</AT>", "x@y.it", "1234567",
        State.TAKEN, "<AT>everyone</AT>")).toString();
    assertFalse(everyone.toLowerCase().contains("<at>everyone"), everyone);
    assertTrue(everyone.contains("‹AT›everyone‹/AT›"), everyone);
  }

  @Test
  void theCardSaysWhichEscalationItsStateInBoldDefaultColourAndMentionsTheAgent() {
    ObjectNode card = EscalationCard.render(escalation("cliente al telefono", "Mario", "mario.rossi@example.com",
        "1234567", State.POSTED, null));
    JsonNode body = card.path("body");
    assertEquals("n. 12 · Pagamento non registrato · ticket 1234567", body.get(0).path("text").asText());
    assertEquals("Da prendere", body.get(1).path("text").asText());
    assertEquals("Bolder", body.get(1).path("weight").asText());
    assertTrue(body.get(1).path("color").isMissingNode(), "default colour, readable in any theme");
    assertEquals("Operatore: <at>Mario</at> (mario.rossi@example.com)", body.get(2).path("text").asText());
    JsonNode mention = card.path("msteams").path("entities").get(0);
    assertEquals("mention", mention.path("type").asText());
    assertEquals("<at>Mario</at>", mention.path("text").asText());
    assertEquals(AAD, mention.path("mentioned").path("id").asText());
    String all = String.join("\n", texts(body));
    assertTrue(all.contains("Bonifico non registrato dopo 72 ore lavorative"), all);
    assertTrue(all.contains("Come ha pagato il cliente? → cliente al telefono"), all);
    assertTrue(all.contains("Cosa fare") && all.contains("apri il ticket 1234567"), all);
    JsonNode take = card.path("actions").get(0);
    assertEquals("Action.Execute", take.path("type").asText());
    assertEquals("Action.Submit", take.path("fallback").path("type").asText());

    ObjectNode taken = EscalationCard.render(escalation("", "Mario", null, "1234567", State.TAKEN, "Anna Bianchi"));
    assertEquals("Presa in carico da Anna Bianchi alle 10:20", taken.path("body").get(1).path("text").asText());
    assertTrue(taken.path("body").get(1).path("color").isMissingNode());
    assertTrue(taken.path("actions").isMissingNode(), "no button once taken");
    assertNotEquals(-1, taken.toString().indexOf("<at>Mario</at>"));
  }
}
