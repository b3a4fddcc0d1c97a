package it.vademecum.escalation;

import it.vademecum.assistant.Agent;
import it.vademecum.engine.EscalationRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox of escalations. Every transition is one transaction, conditional on the state
 * it leaves, so a stale or concurrent caller changes nothing. Notices to the agent are written in
 * the same transaction as the state they report.
 */
public interface Outbox extends OpenEscalations, References, AutoCloseable {

  /** Writes a new escalation (note and answers redacted); it is durable when this returns. */
  Escalation enqueue(Agent agent, EscalationRequest request);

  /** The request as {@link #enqueue} would store it and the team leads will read it: redacted. */
  EscalationRequest redacted(EscalationRequest request);

  Optional<Escalation> find(long id);

  /** The agent's escalations, newest first. */
  List<Escalation> ofAgent(String agentKey, int max);

  /** Pending escalations whose next attempt is due, oldest first. */
  List<Escalation> due(Instant now, int max);

  /** PENDING → SENDING, counting the attempt; empty when someone else changed it. */
  Optional<Escalation> claim(long id);

  /** SENDING → POSTED with the card's ids, and the "posted" notice for the agent. */
  boolean posted(long id, String conversationId, String activityId);

  /** SENDING → PENDING, due again at {@code next}. */
  boolean retryLater(long id, Instant next, String error);

  /** SENDING → PENDING with a configuration problem, due again at {@code next}; warns the agent once. */
  boolean blocked(long id, Instant next, String problem);

  /** SENDING → UNCERTAIN: not posted again unless a supervisor asks or a click proves the card exists. */
  boolean uncertain(long id, String error);

  /**
   * A team lead's click: the first one takes it (decided by one conditional UPDATE), and the card
   * the click came from proves the post, so an uncertain escalation is resolved with its ids.
   */
  Take take(long id, String leadId, String leadName, String conversationId, String activityId);

  /** The result of a click: whether this lead got it, and the escalation as it now is. */
  record Take(boolean won, Escalation escalation) {}

  List<Notice> dueNotices(Instant now, int max);

  void noticeSent(long noticeId);

  /** A notice that could not be delivered: due again at {@code next}, dropped after too many attempts. */
  void noticeFailed(long noticeId, Instant next);

  /**
   * Escalations whose sender's lease ran out while SENDING (that instance stopped mid-post) become
   * UNCERTAIN; returns how many. Nothing to do for a store only one process uses.
   */
  default int expireLeases() {
    return 0;
  }

  @Override
  void close();
}
