package it.vademecum.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Figures on escalations for the supervisors' dashboard: no note, no answers, no ticket. */
public interface EscalationStats {

  /** Escalations created in [{@code from}, {@code to}), by their state now. */
  Map<State, Long> countByState(Instant from, Instant to);

  /** Escalations a team lead took in [{@code from}, {@code to}): when sent and when taken, by time taken. */
  List<TakeOver> takeOvers(Instant from, Instant to);

  /** Every escalation not taken by a team lead, oldest first. */
  List<OpenEscalation> open();

  /** When the agent sent an escalation and when a team lead took it. */
  record TakeOver(Instant sent, Instant taken) {}
}
