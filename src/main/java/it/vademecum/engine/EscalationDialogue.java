package it.vademecum.engine;

import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import it.vademecum.session.Session;
import java.util.List;
import java.util.Optional;

/**
 * The escalation dialogue at an escalating step: the ticket number, the note, the summary to
 * confirm, the form sent in one click, sending and cancelling; the draft lives in the session.
 */
final class EscalationDialogue {

  /** What the dialogue asks of the engine around it. */
  interface Around {

    /** The turn that shows what the session is waiting for. */
    Turn current(Session s, TurnContext ctx, List<String> notices);

    /** What the agent typed at a prompt, when it is a new question rather than a bad answer: its search. */
    Optional<Turn> newQuestion(Session s, String text, TurnContext ctx, List<String> notices);
  }

  private final Catalog catalog;
  private final Around engine;

  EscalationDialogue(Catalog catalog, Around engine) {
    this.catalog = catalog;
    this.engine = engine;
  }

  Turn text(Session s, String text, TurnContext ctx, List<String> notices) {
    switch (s.awaiting()) {
      case EscalationFlow.TICKET -> {
        Optional<String> ticket = EscalationFlow.ticket(text);
        if (ticket.isPresent()) {
          Session next = s.withDraft(new Session.EscalationDraft(ticket.get(), null))
              .at(s.nodeId(), true, EscalationFlow.NOTE);
          return engine.current(next, ctx, notices);
        }
      }
      case EscalationFlow.NOTE -> {
        return confirm(s, EscalationFlow.note(Texts.clean(text)), ctx, notices);
      }
      default -> {
        String answer = Texts.yesNo(Typed.fold(text));
        if (answer.equals("si") || answer.equals("invia")) {
          return step(s, Action.Escalate.Step.SEND, ctx, notices);
        }
        if (answer.equals("no") || answer.equals("annulla")) {
          return step(s, Action.Escalate.Step.CANCEL, ctx, notices);
        }
      }
    }
    Optional<Turn> asked = engine.newQuestion(s, text, ctx, notices);
    if (asked.isPresent()) {
      return asked.get();
    }
    if (EscalationFlow.TICKET.equals(s.awaiting())) {
      notices.add(Texts.BAD_TICKET);
    }
    return engine.current(s, ctx, notices);
  }

  /**
   * The escalation form sent in one click: the ticket number (checked again here) and the note; the
   * escalation is confirmed at once. A bad ticket number shows the form again, the note kept in the draft.
   */
  Turn form(Session s, Input.Button form, TurnContext ctx, List<String> notices) {
    if (s.draft() == null || !EscalationFlow.handles(s.awaiting())) {
      return step(s, Action.Escalate.Step.FORM, ctx, notices);
    }
    String note = EscalationFlow.note(Texts.clean(form.field(EscalationForm.NOTE)));
    Optional<String> ticket = EscalationFlow.ticket(Texts.clean(form.field(EscalationForm.TICKET)));
    if (ticket.isEmpty()) {
      notices.add(Texts.BAD_TICKET);
      Session again = s.withDraft(new Session.EscalationDraft(null, note)).at(s.nodeId(), true, EscalationFlow.TICKET);
      return engine.current(again, ctx, notices);
    }
    Session ready = s.withDraft(new Session.EscalationDraft(ticket.get(), note))
        .at(s.nodeId(), true, EscalationFlow.CONFIRM);
    return step(ready, Action.Escalate.Step.SEND, ctx, notices);
  }

  Turn confirm(Session s, String note, TurnContext ctx, List<String> notices) {
    Session next = s.withDraft(new Session.EscalationDraft(s.draft().ticket(), note))
        .at(s.nodeId(), true, EscalationFlow.CONFIRM);
    return engine.current(next, ctx, notices);
  }

  Turn step(Session s, Action.Escalate.Step action, TurnContext ctx, List<String> notices) {
    Optional<Topic> topic = catalog.topic(s.topicId());
    Node node = topic.map(t -> t.node(s.nodeId())).orElse(null);
    if (!(node instanceof Step step) || step.escalateReason() == null) {
      notices.add(Texts.NO_ESCALATION);
      return engine.current(s, ctx, notices);
    }
    Session atStep = s.withDraft(null).at(step.id(), false, null);
    switch (action) {
      case START -> {
        if (s.draft() == null) {
          return engine.current(EscalationFlow.begin(atStep), ctx, notices);
        }
      }
      case CANCEL -> {
        if (s.draft() != null) {
          notices.add(Texts.ESCALATION_CANCELLED);
          Reply r = Reply.atStep(notices, topic.get(), step.id(), null,
              List.of(new Option("Prepara di nuovo la segnalazione", new Action.Escalate(Action.Escalate.Step.START))),
              List.of(), !s.path().isEmpty(), Optional.empty());
          return new Turn(atStep, r);
        }
      }
      case NO_NOTE -> {
        if (EscalationFlow.NOTE.equals(s.awaiting())) {
          return confirm(s, "", ctx, notices);
        }
      }
      case SEND -> {
        if (EscalationFlow.CONFIRM.equals(s.awaiting())) {
          EscalationRequest request = EscalationFlow.request(topic.get(), step, s);
          Reply r = Reply.atStep(notices, topic.get(), step.id(), Texts.ESCALATION_CONFIRMED, List.of(),
              EscalationFlow.summary(request), !s.path().isEmpty(), Optional.of(request));
          return new Turn(atStep, r);
        }
      }
      default -> { }
    }
    notices.add(s.draft() == null ? Texts.NO_ESCALATION : Texts.STALE_BUTTON);
    return engine.current(s, ctx, notices);
  }

  static Reply drafting(Session s, Topic topic, List<String> notices) {
    Step step = (Step) topic.node(s.nodeId());
    if (EscalationFlow.CONFIRM.equals(s.awaiting())) {
      EscalationRequest request = EscalationFlow.request(topic, step, s);
      return Reply.confirm(notices, topic, step.id(), Texts.CONFIRM_ESCALATION,
          EscalationFlow.askOptions(EscalationFlow.CONFIRM), EscalationFlow.summary(request), !s.path().isEmpty(),
          request);
    }
    return Reply.askValue(notices, topic, step.id(), EscalationFlow.prompt(s.awaiting()),
        EscalationFlow.askOptions(s.awaiting()),
        EscalationFlow.TICKET.equals(s.awaiting()) ? List.of(Texts.TICKET_WAYS_OUT) : List.of(), !s.path().isEmpty());
  }
}
