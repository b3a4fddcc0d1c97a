package it.vademecum.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.dialog.Step;
import it.vademecum.engine.Answer;
import it.vademecum.engine.Option;
import it.vademecum.engine.Phrase;
import it.vademecum.engine.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an engine reply into what Teams shows: one Adaptive Card (v1.5, the highest Teams renders)
 * and, for a step, each customer phrase as its own plain message so that copying it copies exactly
 * the phrase. Every text goes through {@link CardText#plain(String)}: what an agent typed (a note,
 * a ticket) cannot become a link, a mention or HTML. Pure: no SDK types, so it is tested on its own.
 */
public final class Cards {

  public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  public static final String VERSION = "1.5";
  /** The key of a button's data that carries the engine's opaque option value. */
  public static final String VALUE_KEY = "v";
  static final String BACK = "k:indietro";
  static final String RESTART = "k:ricomincia";

  /** Buttons share one row when their labels together are at most this long, each at most {@link #ROW_LABEL}. */
  private static final int ROW_CHARS = 36;
  private static final int ROW_LABEL = 18;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Cards() {}

  /** What one reply becomes: a card, then zero or more plain-text phrases. */
  public record Rendered(ObjectNode card, List<String> phrases) {}

  public static Rendered render(Reply r) {
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", VERSION);
    ArrayNode body = card.putArray("body");
    ArrayNode actions = JSON.arrayNode();
    for (String n : r.notices()) {
      body.add(text(n).put("isSubtle", true).put("size", "Small"));
    }
    boolean form = EscalationFormCard.offered(r);
    if (r.prompt() != null && !form) {
      ObjectNode prompt = text(r.prompt());
      if (r.kind() == Reply.Kind.QUESTION || r.kind() == Reply.Kind.ASK_VALUE) {
        prompt.put("weight", "Bolder").put("size", "Medium");
      }
      body.add(prompt);
    }
    for (String line : r.lines()) {
      body.add(text(line).put("spacing", "Small"));
    }
    r.answer().ifPresent(a -> answer(body, actions, a, r.phrases()));
    if (form) {
      EscalationFormCard.add(body);
    } else if (r.kind() == Reply.Kind.ASK_VALUE) {
      body.add(text("Scrivi la risposta qui sotto, nel campo del messaggio.").put("isSubtle", true));
    }
    List<Option> options = form ? EscalationFormCard.others(r) : r.options();
    if (!options.isEmpty()) {
      // Short labels share a row; otherwise one button per row, so that no label is cut at 450 px.
      boolean row = options.stream().mapToInt(o -> o.label().length()).sum() <= ROW_CHARS
          && options.stream().allMatch(o -> o.label().length() <= ROW_LABEL);
      ObjectNode set = null;
      for (Option o : options) {
        if (set == null || !row) {
          set = JSON.objectNode().put("type", "ActionSet");
          set.putArray("actions");
          body.add(set);
        }
        ((ArrayNode) set.get("actions")).add(submit(o.label(), o.value()));
      }
    }
    if (r.kind() == Reply.Kind.QUESTION || r.kind() == Reply.Kind.ASK_VALUE || r.kind() == Reply.Kind.ANSWER) {
      if (r.canGoBack()) {
        actions.add(submit("Indietro", BACK));
      }
      actions.add(submit("Ricomincia", RESTART));
    }
    if (!actions.isEmpty()) {
      card.set("actions", actions);
    }
    List<String> phrases = new ArrayList<>();
    r.phrases().forEach(p -> phrases.add(p.text()));
    return new Rendered(card, phrases);
  }

  private static void answer(ArrayNode body, ArrayNode actions, Answer a, List<Phrase> phrases) {
    body.add(text("Passo").put("weight", "Bolder").put("spacing", "Medium"));
    body.add(text(a.step()));
    ArrayNode facts = JSON.arrayNode();
    a.forward().ifPresent(q -> facts.add(fact("Coda", q)));
    a.escalationReason().ifPresent(reason -> facts.add(fact("Scala al TL", reason)));
    if (!facts.isEmpty()) {
      ObjectNode set = JSON.objectNode().put("type", "FactSet");
      set.set("facts", facts);
      body.add(set);
    }
    for (String n : a.notes()) {
      body.add(text("Nota: " + n).put("spacing", "Small"));
    }
    for (String rule : a.localLines()) {
      body.add(text(rule).put("color", "Warning").put("spacing", "Small"));
    }
    for (Step.Link l : a.links()) {
      actions.add(JSON.objectNode().put("type", "Action.OpenUrl").put("title", l.label()).put("url", l.url()));
    }
    if (!phrases.isEmpty()) {
      StringBuilder b = new StringBuilder(phrases.size() == 1
          ? "Frase per il cliente nel messaggio qui sotto, pronta da copiare: "
          : "Frasi per il cliente nei messaggi qui sotto, una per messaggio, pronte da copiare: ");
      for (int i = 0; i < phrases.size(); i++) {
        b.append(i == 0 ? "" : "; ").append(phrases.size() == 1 ? "" : (i + 1) + ") ").append(phrases.get(i).label());
      }
      body.add(text(b.append('.').toString()).put("isSubtle", true).put("spacing", "Medium"));
    }
  }

  static ObjectNode submit(String title, String value) {
    ObjectNode action = JSON.objectNode().put("type", "Action.Submit").put("title", title);
    action.putObject("data").put(VALUE_KEY, value);
    return action;
  }

  private static ObjectNode text(String s) {
    return JSON.objectNode().put("type", "TextBlock").put("text", CardText.plain(s)).put("wrap", true);
  }

  private static ObjectNode fact(String title, String value) {
    return JSON.objectNode().put("title", CardText.plain(title)).put("value", CardText.plain(value));
  }
}
