package it.vademecum.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What supervisors see and can do about escalations not taken yet. */
public interface OpenEscalations {

  /** Every escalation not taken by a team lead, oldest first. */
  List<OpenEscalation> open();

  /**
   * Posts an escalation whose delivery is uncertain again, after a supervisor checked that its card
   * is not in the channel. The new card says it is a resend. False unless it is {@link State#UNCERTAIN}.
   */
  boolean resend(long id);

  /** How many escalations were created since the instant, by their state now. */
  Map<State, Long> countByState(Instant since);
}
