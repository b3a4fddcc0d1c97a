package it.vademecum.escalation;

import it.vademecum.assistant.Agent;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.engine.EscalationRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a confirmed escalation in the outbox and only then tells the agent: its number, and that
 * the TL must be contacted by hand for now when the channel is known to be unreachable. When the
 * outbox cannot store it (the database is away), the escalation waits in memory (at most
 * {@link #WAITING_LIMIT}, in order) and is stored as soon as the database answers again; the agent
 * is told so, and gets its number with the usual notice once it is in the channel.
 */
public final class OutboxSink implements EscalationSink {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSink.class);
  static final int WAITING_LIMIT = 1_000;
  private static final Duration RETRY = Duration.ofSeconds(2);

  private record Waiting(Agent agent, EscalationRequest request) {}

  private final Outbox outbox;
  private final ChannelPoster poster;
  private final Runnable wake;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private ScheduledExecutorService retries;

  public OutboxSink(Outbox outbox, ChannelPoster poster, Runnable wake) {
    this.outbox = outbox;
    this.poster = poster;
    this.wake = wake;
  }

  @Override
  public EscalationRequest preview(EscalationRequest request) {
    return outbox.redacted(request);
  }

  @Override
  public List<String> submit(Agent agent, EscalationRequest request) {
    Escalation e;
    try {
      storeWaiting();
      e = outbox.enqueue(agent, request);
    } catch (OutboxException ex) {
      LOG.error("escalation not stored: {}", ex.getMessage());
      return hold(new Waiting(agent, request)) ? List.of(EscalationTexts.WAITING_FOR_DATABASE)
          : List.of(EscalationTexts.NOT_STORED);
    }
    LOG.info("escalation {} queued topic={}", e.id(), request.topicId());
    List<String> lines = new ArrayList<>();
    lines.add(EscalationTexts.queued(e.id(), e.request().ticket()));
    Optional<String> problem = poster.configurationProblem();
    if (problem.isPresent()) {
      lines.add(EscalationTexts.byHandNow());
    }
    wake.run();
    return lines;
  }

  /** How many confirmed escalations wait for the database. */
  public synchronized int waiting() {
    return waiting.size();
  }

  private synchronized boolean hold(Waiting w) {
    if (waiting.size() >= WAITING_LIMIT) {
      return false;
    }
    waiting.addLast(w);
    if (retries == null) {
      retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "escalations-waiting-for-database");
        t.setDaemon(true);
        return t;
      });
      retries.scheduleWithFixedDelay(this::retry, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private void retry() {
    try {
      storeWaiting();
    } catch (RuntimeException e) { // OutboxException while the database is away
      LOG.debug("database still away: {} escalation(s) waiting", waiting());
    }
  }

  /** Stores the waiting escalations, oldest first; throws while the database is still away. */
  private synchronized void storeWaiting() {
    boolean stored = false;
    while (!waiting.isEmpty()) {
      Waiting w = waiting.peekFirst();
      Escalation e = outbox.enqueue(w.agent(), w.request());
      waiting.removeFirst();
      stored = true;
      LOG.info("escalation {} queued after the database came back topic={}", e.id(), w.request().topicId());
    }
    if (stored) {
      wake.run();
    }
  }
}
