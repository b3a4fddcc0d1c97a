package it.vademecum.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationTexts;
import it.vademecum.escalation.State;
import it.vademecum.engine.EscalationRequest;
import java.util.Optional;

/**
 * The card a team lead sees in the channel: who, which ticket, which topic and step, why, what was
 * answered on the way, the (redacted) note, when; "Prendo in carico" until someone takes it. Pure.
 */
public final class EscalationCard {

  /** The button's value: {@code esc:take:<id>}. */
  public static final String TAKE_PREFIX = "esc:take:";
  public static final String TAKE = "Prendo in carico";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EscalationCard() {}

  public static Optional<Long> takeId(String buttonValue) {
    if (buttonValue == null || !buttonValue.startsWith(TAKE_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(buttonValue.substring(TAKE_PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public static String summary(Escalation e) {
    return "Escalation n. " + e.id() + " · ticket " + e.request().ticket();
  }

  public static ObjectNode render(Escalation e) {
    EscalationRequest r = e.request();
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", Cards.VERSION);
    ArrayNode body = card.putArray("body");
    body.add(text("Escalation n. " + e.id() + " per il TL").put("weight", "Bolder").put("size", "Medium"));
    if (e.resends() > 0) {
      body.add(text("Reinvio: il primo invio ha avuto esito incerto. Se trovi due schede con questo numero, "
          + "prendine in carico una sola.").put("color", "Warning").put("wrap", true));
    }
    ArrayNode facts = JSON.arrayNode();
    facts.add(fact("Operatore", e.agentLabel()));
    facts.add(fact("Ticket", r.ticket()));
    facts.add(fact("Argomento", r.topicTitle()));
    facts.add(fact("Passo", r.step()));
    facts.add(fact("Motivo", r.reason()));
    facts.add(fact("Inviata", EscalationTexts.dayHour(e.createdAt())));
    ObjectNode set = JSON.objectNode().put("type", "FactSet");
    set.set("facts", facts);
    body.add(set);
    if (!r.answers().isEmpty()) {
      body.add(text("Risposte date").put("weight", "Bolder").put("spacing", "Medium"));
      for (String a : r.answers()) {
        body.add(text("• " + a).put("spacing", "None"));
      }
    }
    if (r.note() != null && !r.note().isBlank()) {
      body.add(text("Nota dell'operatore").put("weight", "Bolder").put("spacing", "Medium"));
      body.add(text(r.note()));
    }
    if (e.state() == State.TAKEN) {
      body.add(text("Preso in carico da " + e.takenBy() + " alle " + EscalationTexts.hour(e.takenAt()) + ".")
          .put("weight", "Bolder").put("color", "Good").put("spacing", "Medium"));
    } else {
      ArrayNode actions = card.putArray("actions");
      actions.add(Cards.submit(TAKE, TAKE_PREFIX + e.id()));
    }
    return card;
  }

  private static ObjectNode text(String s) {
    return JSON.objectNode().put("type", "TextBlock").put("text", s).put("wrap", true);
  }

  private static ObjectNode fact(String title, String value) {
    return JSON.objectNode().put("title", title).put("value", value == null || value.isBlank() ? "—" : value);
  }
}
