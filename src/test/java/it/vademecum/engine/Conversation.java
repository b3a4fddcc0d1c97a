package it.vademecum.engine;

import it.vademecum.session.Session;
import java.time.Instant;

/** One agent talking to the real engine, turn after turn, at a fixed instant. */
final class Conversation {

  private final Engine engine;
  private final String agentName;
  private final Instant now;
  private Session session = Session.EMPTY;
  private Reply last;

  Conversation(Engine engine, String agentName, Instant now) {
    this.engine = engine;
    this.agentName = agentName;
    this.now = now;
  }

  static Conversation at(Instant now) {
    return new Conversation(Knowledge.engine(), "Mario", now);
  }

  Reply say(String text) {
    return turn(Input.text(text));
  }

  Reply press(String value) {
    return turn(Input.button(value));
  }

  /** Sends a card's form: the button's value and the fields as typed. */
  Reply submit(String value, java.util.Map<String, String> fields) {
    return turn(Input.form(value, fields));
  }

  /** Presses the button of the last reply whose label starts with the given text. */
  Reply click(String labelPrefix) {
    Option o = last.options().stream().filter(x -> x.label().startsWith(labelPrefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no button «" + labelPrefix + "» in " + last.options()));
    return press(o.value());
  }

  Session session() {
    return session;
  }

  private Reply turn(Input input) {
    Turn t = engine.handle(session, input, new TurnContext(now, agentName, false));
    session = t.session();
    last = t.reply();
    return last;
  }
}
