package it.vademecum.session;

/** Where sessions live between turns: in memory by default, in Redis behind a load balancer. */
public interface SessionStore {

  /** The agent's session; {@code expired} tells whether an earlier one timed out. */
  Lookup get(String agentKey);

  void put(String agentKey, Session session);

  void remove(String agentKey);

  long size();

  record Lookup(Session session, boolean expired) {}
}
