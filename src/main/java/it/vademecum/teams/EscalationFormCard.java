package it.vademecum.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.engine.EscalationForm;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import java.util.List;

/**
 * The escalation form on the agent's card: the ticket number (required, checked by the client with
 * the same pattern the engine accepts), an optional note, "Invia al TL" and "Annulla". Teams checks
 * the fields before it sends anything, so a bad ticket number never leaves the card. Pure.
 */
final class EscalationFormCard {

  static final String TITLE = "Segnalazione al TL";
  static final String HOW = "Scrivi il numero del ticket e, se serve, una nota, poi premi «" + EscalationForm.SEND
      + "». Il TL vede la nota con i dati personali oscurati (e-mail, telefoni, codici fiscali, IBAN).";
  static final String BAD_TICKET = "Scrivi il numero del ticket, es. 1234567.";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EscalationFormCard() {}

  /** Whether the reply offers the escalation form. */
  static boolean offered(Reply r) {
    return r.options().stream().anyMatch(o -> o.value().equals(EscalationForm.FORM));
  }

  /** The reply's other buttons (the form brings its own send and cancel). */
  static List<Option> others(Reply r) {
    return r.options().stream()
        .filter(o -> !o.value().equals(EscalationForm.FORM) && !o.value().equals(EscalationForm.CANCEL)).toList();
  }

  /** Appends the form to a card's body. */
  static void add(ArrayNode body) {
    body.add(JSON.objectNode().put("type", "TextBlock").put("text", TITLE).put("wrap", true)
        .put("weight", "Bolder").put("spacing", "Large").put("separator", true));
    body.add(JSON.objectNode().put("type", "TextBlock").put("text", HOW).put("wrap", true).put("isSubtle", true)
        .put("spacing", "Small"));
    body.add(JSON.objectNode().put("type", "Input.Text").put("id", EscalationForm.TICKET)
        .put("label", "Numero del ticket").put("isRequired", true).put("regex", EscalationForm.TICKET_REGEX)
        .put("errorMessage", BAD_TICKET).put("placeholder", "es. 1234567").put("maxLength", 24));
    body.add(JSON.objectNode().put("type", "Input.Text").put("id", EscalationForm.NOTE)
        .put("label", "Nota per il TL (facoltativa)").put("isMultiline", true)
        .put("maxLength", EscalationForm.MAX_NOTE).put("placeholder", "Cosa deve sapere il TL"));
    ObjectNode set = JSON.objectNode().put("type", "ActionSet");
    ArrayNode actions = set.putArray("actions");
    ObjectNode send = Cards.submit(EscalationForm.SEND, EscalationForm.FORM).put("style", "positive");
    actions.add(send);
    actions.add(Cards.submit("Annulla", EscalationForm.CANCEL).put("associatedInputs", "none"));
    body.add(set);
  }
}
