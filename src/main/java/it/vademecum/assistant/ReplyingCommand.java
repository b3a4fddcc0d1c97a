package it.vademecum.assistant;

import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Turn;
import it.vademecum.session.Session;
import java.util.Optional;

/** A command that leaves the agent's session as it is: it only replies. */
public interface ReplyingCommand extends Command {

  /** The reply when this command takes the input; empty to let the engine have it. */
  Optional<Reply> reply(Agent agent, Input input, Session session);

  @Override
  default Optional<Turn> handle(Agent agent, Input input, Session session) {
    return reply(agent, input, session).map(r -> new Turn(session, r));
  }
}
