package it.vademecum.supervisor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Rating;
import it.vademecum.assistant.ReplyingCommand;
import it.vademecum.assistant.ReplyDecorator;
import it.vademecum.dialog.Step;
import it.vademecum.engine.Engine;
import it.vademecum.engine.Input;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Typed;
import it.vademecum.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * 👍/👎 on answers. As a {@link ReplyDecorator} it adds the two buttons to every answer (values
 * {@code f:up:<topic>:<node>} and {@code f:down:<topic>:<node>}); as a {@link Command} it takes
 * them: 👍 is stored at once, 👎 asks for an optional one-line reason, which is the agent's next
 * text message («no» for none). A 👎 whose reason never comes is stored without one when the agent
 * does something else or after {@link #REASON_WAIT}. Values naming no current answer are refused.
 * "Stored" means handed to the Assistant built with this command ({@link #ratingsTo}), which
 * records it; before one is built, ratings go nowhere.
 */
public final class Feedback implements ReplyingCommand, ReplyDecorator {

  public static final Duration REASON_WAIT = Duration.ofMinutes(10);
  static final String SKIP = ActionCodec.encode(new Action.SkipReason());
  static final String THANKS_UP = "Grazie del 👍: aiuta a capire quali risposte funzionano.";
  static final String ASK_REASON = "Grazie del 👎. Cosa non andava? Scrivilo in una riga (senza dati del cliente), "
      + "oppure scrivi «no».";
  static final String THANKS_REASON = "Grazie: ho registrato il 👎 con il motivo, lo leggeranno i supervisori.";
  static final String THANKS_NO_REASON = "Va bene: ho registrato il 👎 senza motivo. Grazie!";
  static final String UNKNOWN = "Questo pulsante di valutazione non corrisponde a nessuna risposta attuale: "
      + "non l'ho registrato.";
  static final String ALREADY = "Hai già valutato questa risposta: grazie!";
  private static final Set<String> NO_REASON = Set.of("no", "nessuno", "nessun motivo", "niente", "salta",
      "no grazie", "annulla", "lascia stare", "-");
  private static final int REASON_MAX = 300;

  private record Pending(String agentId, String topicId, String nodeId) {}

  private final Supplier<Engine> engine;
  private volatile Consumer<Rating> recorder = r -> { };
  private final Cache<String, Pending> reasons;
  private final Cache<String, Boolean> voted;

  public Feedback(Supplier<Engine> engine) {
    this(engine, Ticker.systemTicker(), Scheduler.systemScheduler());
  }

  Feedback(Supplier<Engine> engine, Ticker ticker, Scheduler scheduler) {
    this.engine = engine;
    this.reasons = Caffeine.newBuilder().expireAfterWrite(REASON_WAIT).ticker(ticker).scheduler(scheduler)
        .executor(Runnable::run)
        .maximumSize(100_000)
        .<String, Pending>removalListener((key, p, cause) -> {
          if (p != null && cause == RemovalCause.EXPIRED) {
            store(p, null);
          }
        })
        .build();
    this.voted = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(30)).ticker(ticker)
        .maximumSize(100_000).build();
  }

  /** The ratings go to the {@link it.vademecum.assistant.Assistant}, which records them. */
  @Override
  public void ratingsTo(Consumer<Rating> recorder) {
    this.recorder = recorder;
  }

  private void store(Pending p, String reason) {
    recorder.accept(new Rating(p.agentId(), p.topicId(), p.nodeId(), false, reason));
  }

  @Override
  public Reply decorate(Agent agent, Reply reply) {
    if (reply.kind() != Reply.Kind.ANSWER || reply.topicId() == null || reply.nodeId() == null
        || reply.options().stream().anyMatch(o -> o.action() instanceof Action.Escalate)) {
      return reply; // not an answer, or a step still being escalated: nothing to rate yet
    }
    return reply.withMoreOptions(List.of(new Option("👍 Utile", new Action.Rate(true, reply.topicId(), reply.nodeId())),
        new Option("👎 Non utile", new Action.Rate(false, reply.topicId(), reply.nodeId()))));
  }

  @Override
  public Optional<Reply> reply(Agent agent, Input input, Session session) {
    if (input instanceof Input.Button b && (b.action() instanceof Action.Rate
        || b.action() instanceof Action.SkipReason || b.action() instanceof Action.BadRating)) {
      return Optional.of(button(agent, b.action()));
    }
    Pending pending = reasons.asMap().remove(agent.key());
    if (pending == null) {
      return Optional.empty();
    }
    if (input instanceof Input.Text t) {
      String reason = firstLine(t.text());
      if (!reason.isEmpty() && !NO_REASON.contains(Typed.fold(reason))) {
        store(pending, reason);
        return Optional.of(info(THANKS_REASON));
      }
      store(pending, null);
      return Optional.of(info(THANKS_NO_REASON));
    }
    store(pending, null);
    return Optional.empty();
  }

  private Reply button(Agent agent, Action action) {
    Pending earlier = reasons.asMap().remove(agent.key());
    if (earlier != null) {
      store(earlier, null);
    }
    if (action instanceof Action.SkipReason) {
      return info(earlier != null ? THANKS_NO_REASON : UNKNOWN);
    }
    if (!(action instanceof Action.Rate rate)) {
      return info(UNKNOWN);
    }
    if (!isAnswer(rate.topicId(), rate.nodeId())) {
      return info(UNKNOWN);
    }
    String topic = rate.topicId();
    String node = rate.nodeId();
    if (voted.asMap().putIfAbsent(agent.key() + "|" + topic + "|" + node, Boolean.TRUE) != null) {
      return info(ALREADY);
    }
    if (rate.useful()) {
      recorder.accept(new Rating(agent.id(), topic, node, true, null));
      return info(THANKS_UP);
    }
    reasons.put(agent.key(), new Pending(agent.id(), topic, node));
    return Reply.info(List.of(), ASK_REASON, List.of(), List.of(new Option("Nessun motivo", SKIP)));
  }

  private boolean isAnswer(String topicId, String nodeId) {
    return engine.get().catalog().topic(topicId).map(t -> t.node(nodeId) instanceof Step).orElse(false);
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("").strip();
    return line.length() > REASON_MAX ? line.substring(0, REASON_MAX) : line;
  }

  private static Reply info(String text) {
    return Reply.info(List.of(), text, List.of(), List.of());
  }

  /** Stores the 👎 whose reason wait is over now (Caffeine does it by itself; tests call it). */
  void expire() {
    reasons.cleanUp();
  }
}
