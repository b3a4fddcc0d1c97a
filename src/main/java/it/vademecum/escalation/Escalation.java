package it.vademecum.escalation;

import it.vademecum.engine.EscalationRequest;
import java.time.Instant;

/**
 * One escalation as stored in the outbox. The request's note and answers are already redacted.
 *
 * @param problem why the sender cannot deliver it now (configuration), or null
 * @param conversationId the channel thread's conversation id once posted
 * @param activityId the card's activity id once posted
 * @param resends how many times a supervisor asked to post it again after an uncertain outcome
 */
public record Escalation(
    long id,
    Instant createdAt,
    String agentKey,
    String agentId,
    String agentName,
    String agentUpn,
    EscalationRequest request,
    State state,
    int attempts,
    String problem,
    String conversationId,
    String activityId,
    Instant postedAt,
    String takenBy,
    Instant takenAt,
    int resends) {

  /** The agent as the team lead reads it: name and UPN when known. */
  public String agentLabel() {
    String name = agentName == null || agentName.isBlank() ? null : agentName;
    String upn = agentUpn == null || agentUpn.isBlank() ? null : agentUpn;
    if (name != null && upn != null) {
      return name + " (" + upn + ")";
    }
    return name != null ? name : upn != null ? upn : agentId;
  }
}
