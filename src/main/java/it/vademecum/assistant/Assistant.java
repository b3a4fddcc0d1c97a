package it.vademecum.assistant;

import it.vademecum.engine.Action;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Turn;
import it.vademecum.engine.TurnContext;
import it.vademecum.engine.Typed;
import it.vademecum.match.Ranking;
import it.vademecum.session.Session;
import it.vademecum.session.SessionStore;
import it.vademecum.usage.UsageLog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One agent's turn, whatever the front end: extra commands first, then the dialog engine, then
 * what the turn leaves behind (statistics, an escalation handed to its sink). Thread-safe.
 */
public final class Assistant {

  private final Supplier<Engine> engine;
  private final SessionStore sessions;
  private final UsageLog usage;
  private final EscalationSink escalations;
  private final List<Command> commands;
  private final Clock clock;
  private final ReplyDecorator decorator;

  public Assistant(Supplier<Engine> engine, SessionStore sessions, UsageLog usage, EscalationSink escalations,
      List<Command> commands, Clock clock) {
    this(engine, sessions, usage, escalations, commands, clock, ReplyDecorator.none());
  }

  /** With a decorator applied to every reply, the commands' and the engine's. */
  public Assistant(Supplier<Engine> engine, SessionStore sessions, UsageLog usage, EscalationSink escalations,
      List<Command> commands, Clock clock, ReplyDecorator decorator) {
    this.engine = Objects.requireNonNull(engine);
    this.sessions = Objects.requireNonNull(sessions);
    this.usage = Objects.requireNonNull(usage);
    this.escalations = Objects.requireNonNull(escalations);
    this.commands = List.copyOf(commands);
    this.clock = Objects.requireNonNull(clock);
    this.decorator = Objects.requireNonNull(decorator);
  }

  public Engine engine() {
    return engine.get();
  }

  public Reply welcome(String agentName) {
    return engine.get().welcome(agentName);
  }

  public Reply turn(Agent agent, Input input) {
    SessionStore.Lookup lookup = sessions.get(agent.key());
    Session before = lookup.session();
    for (Command c : commands) {
      Optional<Turn> command = c.handle(agent, input, before);
      if (command.isPresent()) {
        Turn t = command.get();
        if (t.session() != before) {
          sessions.put(agent.key(), t.session());
        }
        if (t.reply().kind() == Reply.Kind.ANSWER) {
          usage.recordAnswer(agent.id(), t.reply().topicId(), t.reply().nodeId());
        }
        return decorator.decorate(agent, t.reply());
      }
    }
    Turn t = engine.get().handle(before, input, new TurnContext(clock.instant(), agent.name(), lookup.expired()));
    sessions.put(agent.key(), t.session());
    Reply reply = t.reply();
    record(agent, input, before, reply);
    if (reply.escalation().isPresent()) {
      // What the team lead will read (redacted); once sent, after what happened to it.
      EscalationRequest request = reply.escalation().get();
      List<String> lines = new java.util.ArrayList<>();
      if (reply.kind() != Reply.Kind.CONFIRM) {
        lines.addAll(escalations.submit(agent, request));
      }
      lines.addAll(escalations.preview(request).summary());
      reply = reply.withLines(lines);
    }
    return decorator.decorate(agent, reply);
  }

  private void record(Agent agent, Input input, Session before, Reply reply) {
    if (input instanceof Input.Text text && reply.search().isPresent()) {
      usage.recordSearch(agent.id(), text.text(), reply.search().get());
    }
    if (input instanceof Input.Button b && b.action() instanceof Action.StartTopic && before.query() != null
        && reply.topicId() != null) {
      usage.recordPick(agent.id(), reply.topicId(), before.query());
      usage.recordSuggestion(agent.id(), reply.topicId(), before.query());
    }
    if (input instanceof Input.Text text && before.query() != null && reply.topicId() != null
        && reply.search().map(r -> r.verdict() == Ranking.Verdict.CONFIDENT).orElse(false)
        && !Typed.fold(text.text()).equals(Typed.fold(before.query()))) {
      // The agent rephrased a sentence that found no topic, or needed a choice, and this one found it.
      usage.recordSuggestion(agent.id(), reply.topicId(), before.query());
    }
    if (reply.kind() == Reply.Kind.ANSWER) {
      usage.recordAnswer(agent.id(), reply.topicId(), reply.nodeId());
    }
  }
}
