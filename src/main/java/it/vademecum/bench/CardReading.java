package it.vademecum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a simulated agent reads in the bot's card: the buttons' values, whether a typed value is
 * asked, and how many phrase messages follow it (the card announces them: "Frase per il cliente
 * nel messaggio qui sotto" or "Frasi ... 1) …; 2) …"), so a turn knows when its last reply came.
 */
record CardReading(List<String> values, String prompt, boolean asksValue, int phrases) {

  static final String ERROR_TEXT = "Si è verificato un errore interno";
  private static final Pattern NUMBERED = Pattern.compile("(?:: |; )(\\d+)\\) ");

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
    String prompt = null;
    boolean asksValue = false;
    int phrases = 0;
    for (JsonNode item : card.path("body")) {
      String type = item.path("type").asText();
      if ("ActionSet".equals(type)) {
        collect(item.path("actions"), values);
      } else if ("TextBlock".equals(type)) {
        String text = item.path("text").asText();
        if (prompt == null && !item.path("isSubtle").asBoolean(false)) {
          prompt = text;
        }
        if (text.startsWith("Scrivi la risposta qui sotto")) {
          asksValue = true;
        } else if (text.startsWith("Frase per il cliente nel messaggio")) {
          phrases = 1;
        } else if (text.startsWith("Frasi per il cliente nei messaggi")) {
          Matcher m = NUMBERED.matcher(text);
          while (m.find()) {
            phrases = Math.max(phrases, Integer.parseInt(m.group(1)));
          }
        }
      }
    }
    collect(card.path("actions"), values);
    return new CardReading(values, prompt, asksValue, phrases);
  }

  private static void collect(JsonNode actions, List<String> into) {
    for (JsonNode a : actions) {
      String v = a.path("data").path("v").asText("");
      if ("Action.Submit".equals(a.path("type").asText()) && !v.isEmpty()) {
        into.add(v);
      }
    }
  }

  List<String> withPrefix(String prefix) {
    return values.stream().filter(v -> v.startsWith(prefix)).toList();
  }
}
