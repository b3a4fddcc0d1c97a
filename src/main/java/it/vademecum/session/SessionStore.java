package it.vademecum.session;

import java.util.function.Function;

/** Where sessions live between turns: in memory by default, in Redis behind a load balancer. */
public interface SessionStore {

  /** The agent's session; {@code expired} tells whether an earlier one timed out. */
  Lookup get(String agentKey);

  void put(String agentKey, Session session);

  /**
   * Replaces the agent's session with what {@code next} makes of the current one, atomically: two
   * updates of the same agent at once (on one instance or two) never both start from the same
   * session. {@code next} may be called more than once when another update won the race, so it
   * must have no side effect. Returns the session written.
   */
  Session update(String agentKey, Function<Lookup, Session> next);

  void remove(String agentKey);

  long size();

  record Lookup(Session session, boolean expired) {}
}
