package it.vademecum.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationTexts;
import it.vademecum.escalation.State;
import java.util.Optional;

/**
 * The card a team lead sees in the channel. Its title says which escalation, topic and ticket; right
 * under it, in bold default-coloured text, its state ("Da prendere", "Presa in carico da X alle
 * hh:mm"); then the agent as a real Teams mention, the step, the reason, what was answered, the
 * (redacted) note and what the team lead must do. "Prendo in carico" is an {@code Action.Execute}
 * (Universal Actions), so the click's invoke response carries the updated card and a late clicker is
 * answered on their own card, not in the thread. Every piece of outside text (names, UPN, ticket,
 * note, answers, the taking team lead's name) goes through {@link CardText#plain(String)}. Pure.
 */
final class EscalationCard {

  static final String REFRESH_VERB = "refresh";
  public static final String TAKE = "Prendo in carico";
  /** The Action.Execute verb of "Prendo in carico". */
  static final String TAKE_VERB = "take";
  static final String OPEN = "Da prendere";
  /** Longest display name kept in a mention. */
  private static final int MAX_NAME = 80;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EscalationCard() {}

  /** The escalation a "Prendo in carico" asks for. */
  public static Optional<Long> takeId(String buttonValue) {
    return ActionCodec.decode(buttonValue) instanceof Action.Take t ? Optional.of(t.id()) : Optional.empty();
  }

  /** The escalation a refresh asks for. */
  public static Optional<Long> viewId(String value) {
    return ActionCodec.decode(value) instanceof Action.View v ? Optional.of(v.id()) : Optional.empty();
  }

  /** The notification text of the channel post. */
  public static String summary(Escalation e) {
    return "Escalation n. " + e.id() + " · ticket " + CardText.plain(e.request().ticket());
  }

  /** The title: "n. N · topic · ticket T". */
  static String title(Escalation e) {
    return "n. " + e.id() + " · " + CardText.plain(e.request().topicTitle()) + " · ticket "
        + CardText.plain(e.request().ticket());
  }

  /** The state as the first line says it. */
  static String state(Escalation e) {
    if (e.state() == State.TAKEN) {
      return "Presa in carico da " + name(e.takenBy(), "un TL") + " alle " + EscalationTexts.hour(e.takenAt());
    }
    return OPEN;
  }

  /** The card everyone in the channel sees. */
  public static ObjectNode render(Escalation e) {
    return render(e, null);
  }

  /**
   * The card, with an extra line first for the one team lead who clicked (a late click), or null.
   */
  public static ObjectNode render(Escalation e, String forTheClicker) {
    EscalationRequest r = e.request();
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", Cards.VERSION);
    ArrayNode body = card.putArray("body");
    if (forTheClicker != null) {
      ObjectNode note = JSON.objectNode().put("type", "Container").put("style", "emphasis").put("bleed", true);
      note.putArray("items").add(text(CardText.plain(forTheClicker)).put("weight", "Bolder"));
      body.add(note);
    }
    body.add(text(title(e)).put("weight", "Bolder").put("size", "Medium").put("style", "heading"));
    body.add(text(state(e)).put("weight", "Bolder").put("spacing", "Small"));
    if (e.resends() > 0) {
      body.add(text("Reinvio: il primo invio ha avuto esito incerto. Se trovi due schede con questo numero, "
          + "prendine in carico una sola."));
    }
    ObjectNode who = agent(e);
    body.add(text("Operatore: " + who.path("text").asText()).put("spacing", "Medium"));
    ArrayNode facts = JSON.arrayNode();
    facts.add(fact("Passo", r.step()));
    facts.add(fact("Motivo", r.reason()));
    facts.add(fact("Inviata", EscalationTexts.dayHour(e.createdAt())));
    ObjectNode set = JSON.objectNode().put("type", "FactSet");
    set.set("facts", facts);
    body.add(set);
    if (!r.answers().isEmpty()) {
      body.add(text("Risposte date").put("weight", "Bolder").put("spacing", "Medium"));
      for (String a : r.answers()) {
        body.add(text("• " + CardText.plain(a)).put("spacing", "None"));
      }
    }
    if (r.note() != null && !r.note().isBlank()) {
      body.add(text("Nota dell'operatore").put("weight", "Bolder").put("spacing", "Medium"));
      body.add(text(CardText.plain(r.note())).put("spacing", "None"));
    }
    body.add(text("Cosa fare").put("weight", "Bolder").put("spacing", "Medium"));
    body.add(text(todo(e)).put("spacing", "None"));
    if (who.has("mentioned")) {
      ObjectNode mention = JSON.objectNode().put("type", "mention").put("text", who.path("at").asText());
      mention.set("mentioned", who.get("mentioned"));
      card.putObject("msteams").put("width", "Full").putArray("entities").add(mention);
    } else {
      card.putObject("msteams").put("width", "Full");
    }
    if (e.state() != State.TAKEN) {
      card.putArray("actions").add(take(e.id()));
      // Should the update for everyone fail, a team lead's "refresh" shows the card as it is now.
      // No userIds: the team leads are not known by id, and automatic refresh is for at most 60 users.
      ObjectNode refresh = card.putObject("refresh").putObject("action").put("type", "Action.Execute")
          .put("verb", REFRESH_VERB);
      refresh.putObject("data").put(Cards.VALUE_KEY, ActionCodec.encode(new Action.View(e.id())));
    }
    return card;
  }

  /** What the team lead must do, in the state the card is in. */
  private static String todo(Escalation e) {
    String ticket = CardText.plain(e.request().ticket());
    if (e.state() == State.TAKEN) {
      return "Chi l'ha presa in carico apre il ticket " + ticket + " e risolve il caso secondo il motivo; "
          + "l'operatore è già stato avvisato in chat.";
    }
    return "Premi «" + TAKE + "», poi apri il ticket " + ticket + " e risolvi il caso secondo il motivo. "
        + "L'operatore riceve subito un avviso in chat con il tuo nome.";
  }

  /**
   * The agent as the card shows them: {@code text} ("<at>Name</at> (upn)" or plain text) and, when
   * their Teams id is known, {@code at} (the mention's text) and {@code mentioned} ({@code id},
   * {@code name}) for the mention entity.
   */
  static ObjectNode agent(Escalation e) {
    String name = name(e.agentName(), null);
    String upn = CardText.plain(e.agentUpn());
    String id = e.agentId() == null || e.agentId().isBlank() || e.agentId().equals("-") ? null : e.agentId();
    ObjectNode out = JSON.objectNode();
    String shown = name != null ? name : !upn.isEmpty() ? upn : "operatore";
    if (id == null) {
      out.put("text", shown + (name != null && !upn.isEmpty() ? " (" + upn + ")" : ""));
      return out;
    }
    String at = "<at>" + shown + "</at>";
    out.put("text", at + (name != null && !upn.isEmpty() ? " (" + upn + ")" : "")).put("at", at);
    out.putObject("mentioned").put("id", id).put("name", shown);
    return out;
  }

  /** "Prendo in carico" as Action.Execute, falling back to Action.Submit on clients without it. */
  static ObjectNode take(long id) {
    ObjectNode action = JSON.objectNode().put("type", "Action.Execute").put("title", TAKE).put("verb", TAKE_VERB)
        .put("style", "positive");
    action.putObject("data").put(Cards.VALUE_KEY, ActionCodec.encode(new Action.Take(id)));
    action.set("fallback", Cards.submit(TAKE, ActionCodec.encode(new Action.Take(id))));
    return action;
  }

  /** A display name made safe and short, or the fallback when there is none. */
  private static String name(String raw, String fallback) {
    String n = CardText.plain(raw).strip();
    if (n.isEmpty()) {
      return fallback;
    }
    return n.length() > MAX_NAME ? n.substring(0, MAX_NAME) + "…" : n;
  }

  private static ObjectNode text(String s) {
    return JSON.objectNode().put("type", "TextBlock").put("text", s).put("wrap", true);
  }

  private static ObjectNode fact(String title, String value) {
    String v = CardText.plain(value);
    return JSON.objectNode().put("title", title).put("value", v.isBlank() ? "—" : v);
  }
}
