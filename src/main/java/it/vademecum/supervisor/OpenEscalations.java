package it.vademecum.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the supervisors' commands read of the escalations to team leads; the escalation outbox
 * implements it.
 */
public interface OpenEscalations {

  /** Escalations not yet taken by a team lead, oldest first. */
  List<OpenEscalation> open();

  /** How many escalations were created since {@code since}, by state (the outbox's state names). */
  Map<String, Long> countByState(Instant since);

  /** Posts again an escalation whose delivery is uncertain; false when the id names none. */
  boolean resend(String id);

  /**
   * One escalation not yet taken.
   *
   * @param id the outbox id
   * @param agentName who asked for it
   * @param topic the topic's title (or id)
   * @param reason why the step escalates
   * @param ticket the ticket number
   * @param state the outbox's state (queued, posted, failed…)
   * @param created when the agent confirmed it
   */
  record OpenEscalation(String id, String agentName, String topic, String reason, String ticket, String state,
      Instant created) {}
}
