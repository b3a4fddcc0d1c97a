package it.vademecum.bench;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a simulated agent reads in the bot's card: the values of what it can click (buttons and
 * the tappable boxes of choices, in closed sections too), which of them are Action.Execute, whether a typed value is asked, and how
 * many customer phrases the card holds (one copy block each).
 */
record CardReading(List<String> values, Set<String> executes, String prompt, boolean asksValue, int phrases) {

  static final String ERROR_TEXT = "Si è verificato un errore interno";
  /** The content type of an Adaptive Card, also the type of an invoke response that carries one. */
  static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";

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
    Set<String> executes = new HashSet<>();
    collect(card, values, executes);
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
    return new CardReading(values, executes, prompt, asksValue, phrases);
  }

  private static void collect(JsonNode node, List<String> into, Set<String> executes) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, into, executes));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String v = node.path("data").path("v").asText("");
    String type = node.path("type").asText();
    if (("Action.Submit".equals(type) || "Action.Execute".equals(type)) && !v.isEmpty()) {
      into.add(v);
      if ("Action.Execute".equals(type)) {
        executes.add(v);
      }
    }
    collect(node.path("selectAction"), into, executes);
    collect(node.path("actions"), into, executes);
    collect(node.path("body"), into, executes);
    collect(node.path("items"), into, executes);
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
