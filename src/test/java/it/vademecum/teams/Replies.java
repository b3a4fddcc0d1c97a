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

  /** Every visible text of a card: text blocks and facts ("Coda: x"). */
  static String text(JsonNode card) {
    StringBuilder b = new StringBuilder();
    for (JsonNode el : card.path("body")) {
      if ("TextBlock".equals(el.path("type").asText())) {
        b.append(el.path("text").asText()).append('\n');
      }
      for (JsonNode f : el.path("facts")) {
        b.append(f.path("title").asText()).append(": ").append(f.path("value").asText()).append('\n');
      }
    }
    return b.toString();
  }

  /** Button title → the value its data carries (Action.OpenUrl: the url). */
  static Map<String, String> buttons(JsonNode card) {
    Map<String, String> out = new LinkedHashMap<>();
    List<JsonNode> actions = new ArrayList<>();
    card.path("body").forEach(el -> el.path("actions").forEach(actions::add));
    card.path("actions").forEach(actions::add);
    for (JsonNode a : actions) {
      String v = "Action.OpenUrl".equals(a.path("type").asText()) ? a.path("url").asText()
          : a.path("data").path(Cards.VALUE_KEY).asText();
      out.put(a.path("title").asText(), v);
    }
    return out;
  }
}
