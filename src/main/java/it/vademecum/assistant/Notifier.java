package it.vademecum.assistant;

/**
 * Sends a message to an agent outside a turn (proactively): an escalation queued, posted or taken
 * by a team lead, a break that is over. Implementations keep the conversation references durably.
 */
public interface Notifier {

  /** Sends a plain text to the agent's personal chat; false when the agent's chat is not known. */
  boolean tell(String agentKey, String text);
}
