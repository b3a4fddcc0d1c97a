package it.vademecum.escalation;

import java.time.Duration;
import java.time.Instant;

/**
 * An escalation no team lead has taken yet, for supervisors ("escalation aperte").
 *
 * @param age how long ago the agent sent it
 * @param problem why it cannot be delivered now (configuration), or null
 */
public record OpenEscalation(
    long id,
    Instant createdAt,
    Duration age,
    String agent,
    String topicTitle,
    String ticket,
    State state,
    int attempts,
    String problem) {

  /** Whether it needs a person: not in the channel and either uncertain or blocked by configuration. */
  public boolean needsAttention() {
    return state == State.UNCERTAIN || problem != null;
  }
}
