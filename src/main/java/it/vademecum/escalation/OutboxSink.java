package it.vademecum.escalation;

import it.vademecum.assistant.Agent;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.engine.EscalationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a confirmed escalation in the outbox and only then tells the agent: its number, and that
 * the TL must be contacted by hand for now when the channel is known to be unreachable.
 */
public final class OutboxSink implements EscalationSink {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSink.class);

  private final Outbox outbox;
  private final ChannelPoster poster;
  private final Runnable wake;

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
      e = outbox.enqueue(agent, request);
    } catch (OutboxException ex) {
      LOG.error("escalation not stored: {}", ex.getMessage());
      return List.of(EscalationTexts.NOT_STORED);
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
}
