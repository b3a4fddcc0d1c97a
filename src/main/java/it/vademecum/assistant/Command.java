package it.vademecum.assistant;

import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.session.Session;
import java.util.Optional;

/** A command outside the dialog trees (supervisors' statistics, feedback, escalations list…). */
public interface Command {

  /** The reply when this command takes the input; empty to let the engine have it. */
  Optional<Reply> handle(Agent agent, Input input, Session session);
}
