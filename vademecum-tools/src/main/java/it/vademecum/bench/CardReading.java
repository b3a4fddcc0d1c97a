package it.vademecum.bench;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated agent reads in the bot's card: the values of what it can click (buttons and
 * the tappable boxes of choices, in closed sections too), whether a typed value is asked, and how
 * many customer phrases the card holds (one copy block each).
 */
record CardReading(List<String> values, String prompt, boolean asksValue, int phrases) {

  static final String ERROR_TEXT = "Si è verificato un errore interno";

  /** The card of a reply body, or null when the body is not an Adaptive Card message. */
  static CardReading of(String body) {
    JsonNode activity;
    try {
      activity = TeamsActivities.JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
    JsonNode card = activity.path("attachments").path(0).path("content");
    if (!card.isObject()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    collect(card, values);
    String prompt = null;
    boolean asksValue = false;
    for (JsonNode item : card.path("body")) {
      if ("TextBlock".equals(item.path("type").asText())) {
        String text = item.path("text").asText();
        if (prompt == null && !item.path("isSubtle").asBoolean(false)) {
          prompt = text;
        }
        asksValue |= text.startsWith("Scrivi la risposta qui sotto");
      }
    }
    int phrases = (int) card.findParents("type").stream()
        .filter(n -> "CodeBlock".equals(n.path("type").asText())).count();
    return new CardReading(values, prompt, asksValue, phrases);
  }

  private static void collect(JsonNode node, List<String> into) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, into));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String v = node.path("data").path("v").asText("");
    if ("Action.Submit".equals(node.path("type").asText()) && !v.isEmpty()) {
      into.add(v);
    }
    collect(node.path("selectAction"), into);
    collect(node.path("actions"), into);
    collect(node.path("body"), into);
    collect(node.path("items"), into);
  }

  List<String> withPrefix(String prefix) {
    return values.stream().filter(v -> v.startsWith(prefix)).toList();
  }

  /** Whether a click on this value answers the card's question (so the bot settles the card). */
  static boolean isChoice(String value) {
    Action a = ActionCodec.decode(value);
    return a instanceof Action.Choose || a instanceof Action.StartTopic || a.equals(new Action.Command("nessuno"));
  }
}
