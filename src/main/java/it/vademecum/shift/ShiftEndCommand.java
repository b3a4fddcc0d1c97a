package it.vademecum.shift;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Command;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Topic;
import it.vademecum.engine.Engine;
import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Typed;
import it.vademecum.engine.Turn;
import it.vademecum.engine.TurnContext;
import it.vademecum.session.Session;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * «fine turno» typed alone: the whole shift-end table at once, instead of the question on the
 * ticket's state. The engine walks the topic to the table step named in config/shift.json by
 * pressing the choices that lead there, so the session, «indietro» and the statistics stay as
 * for any answer. Questions that name a state («posso rilasciare i ticket in attesa utente?») are
 * not taken here: the tree answers them from its keywords.
 */
public final class ShiftEndCommand implements Command {

  private static final Set<String> WORDS = Set.of("fine turno", "fine del turno", "tabella fine turno",
      "fine turno tabella", "regole fine turno", "regole di fine turno");

  private final Supplier<Engine> engine;
  private final Supplier<ShiftRules> rules;
  private final Clock clock;

  public ShiftEndCommand(Supplier<Engine> engine, Supplier<ShiftRules> rules, Clock clock) {
    this.engine = engine;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public Optional<Turn> handle(Agent agent, Input input, Session session) {
    if (!(input instanceof Input.Text) || !Typed.command(input).map(WORDS::contains).orElse(false)) {
      return Optional.empty();
    }
    Engine e = engine.get();
    ShiftRules r = rules.get();
    Optional<Topic> topic = e.catalog().topic(r.shiftEndTopic());
    Optional<List<String>> presses = topic.flatMap(t -> presses(t, r.tableStep()));
    if (presses.isEmpty()) {
      return Optional.empty();
    }
    TurnContext ctx = new TurnContext(clock.instant(), agent.name(), false);
    Turn t = e.handle(session.cleared(), Input.button(new Action.StartTopic(topic.get().id())), ctx);
    List<String> notices = new ArrayList<>(t.reply().notices());
    for (String press : presses.get()) {
      if (t.reply().kind() != Reply.Kind.QUESTION) {
        break;
      }
      t = e.handle(t.session(), Input.button(press), ctx);
      notices.addAll(t.reply().notices());
    }
    Reply reply = t.reply();
    if (reply.kind() != Reply.Kind.ANSWER || !r.tableStep().equals(reply.nodeId())) {
      return Optional.empty();
    }
    // The table on its own: the notices of every press, no card to settle (the presses were not the agent's).
    return Optional.of(new Turn(t.session(), Reply.answer(notices, topic.get(), reply.nodeId(), reply.prompt(),
        reply.options(), reply.answer().orElseThrow(), reply.phrases(), reply.lines(), reply.canGoBack())));
  }

  /** The choice buttons from the topic's start to the target node (shortest path), if any. */
  static Optional<List<String>> presses(Topic topic, String target) {
    Map<String, String> cameBy = new HashMap<>();
    Map<String, String> from = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(topic.start()));
    from.put(topic.start(), null);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      if (id.equals(target)) {
        List<String> out = new ArrayList<>();
        for (String at = id; from.get(at) != null; at = from.get(at)) {
          out.add(0, cameBy.get(at));
        }
        return Optional.of(out);
      }
      Node node = topic.node(id);
      if (node instanceof Question q) {
        for (int i = 0; i < q.choices().size(); i++) {
          String next = q.choices().get(i).next();
          if (!from.containsKey(next)) {
            from.put(next, id);
            cameBy.put(next, ActionCodec.encode(new Action.Choose(topic.id(), q.id(), i)));
            queue.add(next);
          }
        }
      }
    }
    return Optional.empty();
  }
}
