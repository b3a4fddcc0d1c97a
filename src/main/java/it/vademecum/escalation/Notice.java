package it.vademecum.escalation;

/** A message for an agent written with the state change it reports, delivered at least once. */
public record Notice(long id, long escalationId, String agentKey, String text, int attempts) {}
