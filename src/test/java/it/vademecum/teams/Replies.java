package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the bot posted: cards, their texts and their buttons. */
final class Replies {

  private Replies() {}

  static boolean isCard(JsonNode activity) {
    return Cards.CONTENT_TYPE.equals(activity.path("attachments").path(0).path("contentType").asText());
  }

  static JsonNode card(JsonNode activity) {
    if (!isCard(activity)) {
      throw new AssertionError("not a card: " + activity);
    }
    return activity.path("attachments").path(0).path("content");
  }

  /**
   * Every text of a card, in order: text blocks (inside containers too), facts ("Coda: x") and
   * the phrases of copy blocks; the text of a fallback is not repeated.
   */
  static String text(JsonNode card) {
    StringBuilder b = new StringBuilder();
    card.path("body").forEach(el -> text(el, b));
    return b.toString();
  }

  private static void text(JsonNode el, StringBuilder b) {
    switch (el.path("type").asText()) {
      case "TextBlock" -> b.append(el.path("text").asText()).append('\n');
      case "CodeBlock" -> b.append(el.path("codeSnippet").asText()).append('\n');
      default -> { }
    }
    for (JsonNode f : el.path("facts")) {
      b.append(f.path("title").asText()).append(": ").append(f.path("value").asText()).append('\n');
    }
    el.path("items").forEach(i -> text(i, b));
  }

  /** The phrases of a card's copy blocks, in order. */
  static List<String> copyBlocks(JsonNode card) {
    List<String> out = new ArrayList<>();
    card.findParents("type").stream().filter(n -> "CodeBlock".equals(n.path("type").asText()))
        .forEach(n -> out.add(n.path("codeSnippet").asText()));
    return out;
  }

  /**
   * Button title → the value its data carries (Action.OpenUrl: the url), for every clickable
   * thing: buttons of action sets and of the card, and the tappable boxes of choices, hidden
   * sections included. Section headers (Action.ToggleVisibility) send nothing and are left out.
   */
  static Map<String, String> buttons(JsonNode card) {
    Map<String, String> out = new LinkedHashMap<>();
    List<JsonNode> actions = new ArrayList<>();
    collect(card, actions);
    for (JsonNode a : actions) {
      String type = a.path("type").asText();
      if ("Action.ToggleVisibility".equals(type)) {
        continue;
      }
      String v = "Action.OpenUrl".equals(type) ? a.path("url").asText() : a.path("data").path(Cards.VALUE_KEY).asText();
      out.put(a.path("title").asText(), v);
    }
    return out;
  }

  /** Button title → its action's type ({@code Action.Submit}, {@code Action.Execute}...). */
  static Map<String, String> actionTypes(JsonNode card) {
    Map<String, String> out = new LinkedHashMap<>();
    List<JsonNode> actions = new ArrayList<>();
    collect(card, actions);
    actions.forEach(a -> out.put(a.path("title").asText(), a.path("type").asText()));
    return out;
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, into));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("selectAction")) {
      into.add(node.path("selectAction"));
    }
    node.path("actions").forEach(into::add);
    node.path("body").forEach(n -> collect(n, into));
    node.path("items").forEach(n -> collect(n, into));
    node.path("columns").forEach(n -> collect(n, into));
  }
}
