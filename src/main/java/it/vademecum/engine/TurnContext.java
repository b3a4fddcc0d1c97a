package it.vademecum.engine;

import java.time.Instant;

/**
 * What the front end knows of this turn besides the input.
 *
 * @param now the instant of the turn (injectable clock)
 * @param agentName the agent's given name from the channel, or null when unknown
 * @param sessionExpired whether the agent's previous session timed out
 */
public record TurnContext(Instant now, String agentName, boolean sessionExpired) {}
