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
import it.vademecum.match.Scored;
import it.vademecum.session.Session;
import it.vademecum.session.SessionStore;
import it.vademecum.session.SessionsUnavailableException;
import it.vademecum.usage.Search;
import it.vademecum.usage.UsageLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's turn, whatever the front end: extra commands first, then the dialog engine, then
 * what the turn leaves behind (statistics, an escalation handed to its sink). Thread-safe.
 */
public final class Assistant {

  /** What the agent reads while the sessions' store is unreachable. */
  public static final String SESSIONS_UNAVAILABLE = "⚠️ Non riesco a raggiungere l'archivio delle conversazioni:"
      + " riprova fra qualche secondo. Se è urgente, contatta il TL a mano.";

  private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

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
    this.commands.forEach(c -> c.ratingsTo(this::record));
  }

  public Engine engine() {
    return engine.get();
  }

  public Reply welcome(String agentName) {
    return engine.get().welcome(agentName);
  }

  public Reply turn(Agent agent, Input input) {
    try {
      return turnWithSession(agent, input);
    } catch (SessionsUnavailableException e) {
      LOG.warn("turn not served: {}", e.getMessage());
      return decorator.decorate(agent, Reply.info(List.of(), SESSIONS_UNAVAILABLE, List.of(), List.of()));
    }
  }

  private Reply turnWithSession(Agent agent, Input input) {
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
    // The engine is pure, so the update may run it again when another instance changed the session
    // in between: the turn answered is the one computed from the session that was replaced.
    Engine e = engine.get();
    Instant now = clock.instant();
    AtomicReference<Turn> turn = new AtomicReference<>();
    AtomicReference<Session> from = new AtomicReference<>();
    sessions.update(agent.key(), current -> {
      Turn t = e.handle(current.session(), input,
          new TurnContext(now, agent.name(), lookup.expired() || current.expired()));
      turn.set(t);
      from.set(current.session());
      return t.session();
    });
    Reply reply = turn.get().reply();
    record(agent, input, from.get(), reply);
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

  private void record(Rating r) {
    usage.recordFeedback(r.agentId(), r.topicId(), r.nodeId(), r.up(), r.reason());
  }

  private void record(Agent agent, Input input, Session before, Reply reply) {
    if (input instanceof Input.Text text && reply.search().isPresent()) {
      usage.recordSearch(agent.id(), text.text(), search(reply.search().get()));
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

  /** The matcher's ranking as the usage store keeps it: the verdict and the best topic. */
  private static Search search(Ranking ranking) {
    Search.Verdict verdict = switch (ranking.verdict()) {
      case CONFIDENT -> Search.Verdict.CONFIDENT;
      case AMBIGUOUS -> Search.Verdict.AMBIGUOUS;
      case NONE -> Search.Verdict.NONE;
    };
    if (ranking.ranked().isEmpty()) {
      return new Search(verdict, null, null);
    }
    Scored best = ranking.ranked().get(0);
    return new Search(verdict, best.topicId(), best.score());
  }
}
