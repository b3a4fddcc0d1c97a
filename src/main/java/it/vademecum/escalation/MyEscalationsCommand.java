package it.vademecum.escalation;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.ReplyingCommand;
import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Typed;
import it.vademecum.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** "le mie escalation": the agent's latest escalations with their state. */
public final class MyEscalationsCommand implements ReplyingCommand {

  public static final String BUTTON = ActionCodec.encode(new Action.Command("le mie escalation"));
  static final int SHOWN = 10;
  private static final Set<String> PHRASES = Set.of("le mie escalation", "mie escalation",
      "escalation mie", "le mie segnalazioni", "stato escalation", "le mie escalation al tl");

  private final Outbox outbox;

  public MyEscalationsCommand(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Optional<Reply> reply(Agent agent, Input input, Session session) {
    if (!asks(input)) {
      return Optional.empty();
    }
    List<Escalation> mine;
    try {
      mine = outbox.ofAgent(agent.key(), SHOWN);
    } catch (OutboxException e) {
      return Optional.of(Reply.info(List.of(), "Non riesco a leggere le tue escalation in questo momento: riprova "
          + "tra poco.", List.of(), List.of()));
    }
    if (mine.isEmpty()) {
      return Optional.of(Reply.info(List.of(), "Non hai escalation inviate al TL.", List.of(), List.of()));
    }
    List<String> lines = new ArrayList<>();
    for (Escalation e : mine) {
      lines.add("n. " + e.id() + " · " + EscalationTexts.dayHour(e.createdAt()) + " · "
          + (e.request().topicTitle() == null ? "" : e.request().topicTitle() + " · ")
          + "ticket " + e.request().ticket() + " · " + EscalationTexts.stateForAgent(e));
    }
    String prompt = mine.size() == SHOWN ? "Le tue ultime " + SHOWN + " escalation:" : "Le tue escalation:";
    return Optional.of(Reply.info(List.of(), prompt, lines, List.of()));
  }

  static boolean asks(Input input) {
    String text;
    if (input instanceof Input.Text t) {
      text = t.text();
    } else if (input instanceof Input.Button b && BUTTON.equals(b.value())) {
      return true;
    } else {
      return false;
    }
    return PHRASES.contains(Typed.fold(text));
  }
}
