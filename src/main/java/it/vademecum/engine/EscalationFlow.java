package it.vademecum.engine;

import it.vademecum.dialog.Question;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import it.vademecum.session.Session;
import it.vademecum.session.Session.EscalationDraft;
import it.vademecum.session.Session.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares an escalation at a step that needs a team lead: the ticket number (validated), an
 * optional note, then a summary to send or cancel. Button values: e:nonote, e:send, e:cancel, e:start.
 */
final class EscalationFlow {

  static final String TICKET = "ticket";
  static final String NOTE = "nota";
  static final String CONFIRM = "conferma";
  static final int MAX_NOTE = 500;

  private static final Pattern TICKET_NUMBER = Pattern.compile("^[A-Za-z]{0,5}[-_/.]?\\d{4,14}$");
  private static final Pattern TICKET_WORDS = Pattern.compile(
      "(?i)^(il\\s+)?(numero\\s+(del\\s+)?)?(ticket|tkt|richiesta)?\\s*(n\\.?|nr\\.?|num\\.?|numero)?\\s*[#:]?\\s*");

  private EscalationFlow() {}

  static boolean handles(String awaiting) {
    return TICKET.equals(awaiting) || NOTE.equals(awaiting) || CONFIRM.equals(awaiting);
  }

  /** The session and the prompt right after the step: the ticket number is asked at once. */
  static Session begin(Session atStep) {
    return atStep.at(atStep.nodeId(), true, TICKET).withDraft(new EscalationDraft(null, null));
  }

  /** The ticket number in what the agent typed ("ticket n. 1234567", "#1234567"), if valid. */
  static Optional<String> ticket(String text) {
    String t = TICKET_WORDS.matcher(text.strip()).replaceFirst("").strip();
    Matcher m = TICKET_NUMBER.matcher(t);
    return m.matches() ? Optional.of(t.toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
  }

  /** A free-text note, cleaned; "no", "nessuna" mean none. */
  static String note(String text) {
    String t = text.strip();
    String folded = Texts.fold(t);
    if (folded.equals("no") || folded.equals("nessuna") || folded.equals("nessuna nota") || folded.equals("niente")) {
      return "";
    }
    return t.length() > MAX_NOTE ? t.substring(0, MAX_NOTE) : t;
  }

  static List<Option> askOptions(String awaiting) {
    List<Option> out = new ArrayList<>();
    if (TICKET.equals(awaiting)) {
      out.add(new Option(EscalationForm.SEND, EscalationForm.FORM));
    }
    if (NOTE.equals(awaiting)) {
      out.add(new Option("Nessuna nota", new Action.Escalate(Action.Escalate.Step.NO_NOTE)));
    }
    if (CONFIRM.equals(awaiting)) {
      out.add(new Option("Invia al TL", new Action.Escalate(Action.Escalate.Step.SEND)));
    }
    out.add(new Option("Annulla segnalazione", new Action.Escalate(Action.Escalate.Step.CANCEL)));
    return out;
  }

  static String prompt(String awaiting) {
    return switch (awaiting) {
      case TICKET -> Texts.ASK_TICKET;
      case NOTE -> Texts.ASK_NOTE;
      default -> Texts.CONFIRM_ESCALATION;
    };
  }

  /** The request the team lead will see, from the session at an escalating step. */
  static EscalationRequest request(Topic topic, Step step, Session s) {
    return new EscalationRequest(topic.id(), topic.title(), step.id(), step.text(), step.escalateReason(),
        s.draft().ticket(), s.draft().note() == null ? "" : s.draft().note(), answers(topic, s.path()));
  }

  static List<String> summary(EscalationRequest r) {
    return r.summary();
  }

  static List<String> answers(Topic topic, List<Passage> path) {
    List<String> out = new ArrayList<>();
    for (Passage p : path) {
      if (topic.node(p.question()) instanceof Question q && p.choice() < q.choices().size()) {
        out.add(q.ask() + " → " + q.choices().get(p.choice()).label());
      }
    }
    return out;
  }
}
