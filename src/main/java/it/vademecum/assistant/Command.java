package it.vademecum.assistant;

import it.vademecum.engine.Input;
import it.vademecum.engine.Turn;
import it.vademecum.session.Session;
import java.util.Optional;
import java.util.function.Consumer;

/** A command outside the dialog trees (supervisors' statistics, feedback, escalations list…). */
public interface Command {

  /**
   * The turn when this command takes the input: its reply and the agent's session after it
   * ({@code session} itself when the command leaves it alone); empty to let the engine have it.
   * The {@link Assistant} stores the session and records the answer: a command does neither.
   */
  Optional<Turn> handle(Agent agent, Input input, Session session);

  /**
   * Where this command hands the ratings it takes, in a turn or later (a 👎 whose reason never
   * came): the {@link Assistant} records them, once, when it is built. Nothing for most commands.
   */
  default void ratingsTo(Consumer<Rating> recorder) {}
}
