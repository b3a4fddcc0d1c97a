package it.vademecum.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import it.vademecum.dialog.Step;
import it.vademecum.engine.Answer;
import it.vademecum.engine.Option;
import it.vademecum.engine.Phrase;
import it.vademecum.engine.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an engine reply into what Teams shows: one Adaptive Card (v1.5, the highest Teams renders)
 * holding everything of the turn, the customer phrases included. Laid out for a 450 px chat column
 * so that nothing is cut off: the choices are stacked, one full-width tappable container each
 * whose label wraps; the other buttons go in short rows of a few buttons; the topic list is one
 * expandable section per group. A choice is an {@code Action.Execute}, answered with the settled
 * card in the invoke response; the other buttons are {@code Action.Submit}. Each phrase is a Teams {@code CodeBlock} (its Copy button copies
 * exactly the phrase) with a wrapped TextBlock as the fallback where CodeBlock is not rendered.
 *
 * <p>Every text goes through {@link CardText#plain(String)}: what an agent typed (a note, a
 * ticket) cannot become a link, a mention or HTML. The code block carries the phrase as it is: it
 * is shown literally, never as Markdown. Pure: no SDK types, so it is tested on its own.
 */
final class Cards {

  public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  public static final String VERSION = "1.5";
  /** The key of a button's data that carries the engine's opaque option value. */
  public static final String VALUE_KEY = "v";
  /** The verb of a choice's {@code Action.Execute} (Teams requires one; the value says the rest). */
  static final String CHOICE_VERB = "scegli";
  static final String BACK = ActionCodec.encode(new Action.Command("indietro"));
  static final String RESTART = ActionCodec.encode(new Action.Command("ricomincia"));
  private static final Action NONE = new Action.Command("nessuno");
  /** The introduction of a step's phrases; one per phrase, followed by its copy block. */
  static final String PHRASE_LABEL = "Frase per il cliente";
  /**
   * Characters of button titles one row of buttons takes, with 4 more per button for its padding:
   * at Teams' 14 px font a row this long is about 330 px, inside a 450 px column with its margins.
   */
  static final int ROW_BUDGET = 36;
  static final int ROW_MAX_BUTTONS = 3;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Cards() {}

  /** What one reply becomes: the card, and the phrases' texts for sending them apart as well. */
  public record Rendered(ObjectNode card, List<String> phrases) {}

  public static Rendered render(Reply r) {
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    for (String n : r.notices()) {
      body.add(text(n).put("isSubtle", true).put("size", "Small"));
    }
    boolean form = EscalationFormCard.offered(r);
    if (r.prompt() != null && !form) {
      ObjectNode prompt = text(r.prompt());
      if (r.kind() == Reply.Kind.QUESTION || r.kind() == Reply.Kind.ASK_VALUE || r.kind() == Reply.Kind.SUGGESTIONS) {
        prompt.put("weight", "Bolder").put("size", "Medium");
      }
      body.add(prompt);
    }
    if (!form) {   // the form says itself how to fill it in
      for (String line : r.lines()) {
        body.add(text(line).put("spacing", "Small"));
      }
    }
    List<ObjectNode> links = new ArrayList<>();
    r.answer().ifPresent(a -> answer(body, links, a, r.phrases()));
    if (form) {
      EscalationFormCard.add(body);
    } else if (r.kind() == Reply.Kind.ASK_VALUE) {
      body.add(text("Scrivi la risposta qui sotto, nel campo del messaggio.").put("isSubtle", true));
    }
    // Buttons of one kind (escalation, feedback, commands) share rows; kinds do not mix in a row.
    Map<Class<?>, List<ObjectNode>> buttons = new LinkedHashMap<>();
    int number = 0;
    for (Option o : form ? EscalationFormCard.others(r) : r.options()) {
      Action action = o.action();   // decoded once: the value is an encoded action
      if (isChoice(action)) {
        number++;
        String label = r.kind() == Reply.Kind.QUESTION ? number + " · " + o.label() : o.label();
        body.add(choice(label, o).put("spacing", number == 1 ? "Medium" : "Small"));
      } else {
        buttons.computeIfAbsent(action.getClass(), k -> new ArrayList<>()).add(submit(o.label(), o.value()));
      }
    }
    sections(body, r.sections());
    buttons.values().forEach(kind -> rows(body, kind));
    rows(body, links);
    if (r.kind() == Reply.Kind.QUESTION || r.kind() == Reply.Kind.ASK_VALUE || r.kind() == Reply.Kind.ANSWER) {
      List<ObjectNode> nav = new ArrayList<>();
      if (r.canGoBack()) {
        nav.add(submit("Indietro", BACK));
      }
      nav.add(submit("Ricomincia", RESTART));
      rows(body, nav);
    }
    List<String> phrases = new ArrayList<>();
    r.phrases().forEach(p -> phrases.add(p.text()));
    return new Rendered(card, phrases);
  }

  /**
   * The card a question becomes once the agent answered it (or clicked it when it was already
   * passed): the question and the answer chosen, no buttons, so an old card cannot be clicked again.
   */
  public static ObjectNode settled(Reply.Settled s) {
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    body.add(text(s.question()).put("weight", "Bolder"));
    body.add(s.stale()
        ? text("Domanda già superata: vale quella nel messaggio più recente.").put("isSubtle", true)
        : text("Risposta: " + s.answer()).put("spacing", "Small"));
    return card;
  }

  /** The one-line summary Teams shows for a card in notifications and the chat list. */
  public static String summary(Reply r) {
    return r.prompt() != null ? r.prompt() : r.answer().map(Answer::step).orElse("Vademecum");
  }

  private static ObjectNode card() {
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", VERSION);
    return card;
  }

  private static void answer(ArrayNode body, List<ObjectNode> links, Answer a, List<Phrase> phrases) {
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
      links.add(JSON.objectNode().put("type", "Action.OpenUrl").put("title", l.label()).put("url", l.url()));
    }
    for (Phrase p : phrases) {
      body.add(text(PHRASE_LABEL + " · " + p.label()).put("weight", "Bolder").put("size", "Small")
          .put("spacing", "Medium"));
      body.add(copyBlock(p.text()));
    }
  }

  /**
   * Teams' code block: shown as written, with a Copy button that copies exactly {@code phrase}.
   * Where a client lacks it (Teams mobile, other hosts) the fallback shows the phrase wrapped in a
   * shaded box, so its start and end are plain to see when selecting it by hand.
   */
  static ObjectNode copyBlock(String phrase) {
    ObjectNode block = JSON.objectNode().put("type", "CodeBlock").put("codeSnippet", phrase)
        .put("language", "PlainText").put("spacing", "Small");
    ObjectNode box = JSON.objectNode().put("type", "Container").put("style", "emphasis").put("spacing", "Small");
    box.putArray("items").add(text(phrase));
    block.set("fallback", box);
    return block;
  }

  /** A choice of a question or a topic menu; the rest (commands, feedback, escalation) are buttons. */
  private static boolean isChoice(Action a) {
    return a instanceof Action.Choose || a instanceof Action.StartTopic || a.equals(NONE);
  }

  /**
   * A full-width tappable box whose label wraps: never cut off, however long. Its action is an
   * {@code Action.Execute}: the invoke response settles the card in place, with no second call.
   */
  private static ObjectNode choice(String label, Option o) {
    ObjectNode box = JSON.objectNode().put("type", "Container").put("style", "emphasis");
    ObjectNode execute = JSON.objectNode().put("type", "Action.Execute").put("title", o.label())
        .put("verb", CHOICE_VERB);
    execute.putObject("data").put(VALUE_KEY, o.value());
    box.set("selectAction", execute);
    box.putArray("items").add(text(label));
    return box;
  }

  /** One expandable section per group: a header that shows or hides the group's topics. */
  private static void sections(ArrayNode body, List<Reply.Section> sections) {
    for (int i = 0; i < sections.size(); i++) {
      Reply.Section s = sections.get(i);
      String id = "gruppo-" + (i + 1);
      ObjectNode toggle = JSON.objectNode().put("type", "Action.ToggleVisibility").put("title", s.title());
      toggle.putArray("targetElements").add(id);
      ObjectNode header = JSON.objectNode().put("type", "Container").put("spacing", i == 0 ? "Medium" : "Small");
      header.set("selectAction", toggle);
      String count = s.options().size() == 1 ? "1 argomento" : s.options().size() + " argomenti";
      header.putArray("items").add(text("▸ " + s.title() + " (" + count + ")").put("weight", "Bolder")
          .put("color", "Accent"));
      body.add(header);
      ObjectNode topics = JSON.objectNode().put("type", "Container").put("id", id).put("isVisible", false)
          .put("spacing", "Small");
      ArrayNode items = topics.putArray("items");
      for (Option o : s.options()) {
        items.add(choice(o.label(), o).put("spacing", "Small"));
      }
      body.add(topics);
    }
  }

  /**
   * Buttons in rows of at most {@link #ROW_MAX_BUTTONS} and {@link #ROW_BUDGET} characters, so
   * that Teams never shortens a title to "Indie…"; a title too long for any row gets one alone.
   */
  private static void rows(ArrayNode body, List<ObjectNode> buttons) {
    ArrayNode row = null;
    int used = 0;
    for (ObjectNode b : buttons) {
      int width = b.path("title").asText().length() + 4;
      if (row == null || row.size() == ROW_MAX_BUTTONS || used + width > ROW_BUDGET) {
        ObjectNode set = JSON.objectNode().put("type", "ActionSet").put("spacing", "Small");
        row = set.putArray("actions");
        body.add(set);
        used = 0;
      }
      row.add(b);
      used += width;
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
