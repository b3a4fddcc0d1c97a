package it.vademecum.engine;

import it.vademecum.session.Session;

/** The outcome of one input: the agent's new session and the reply. */
public record Turn(Session session, Reply reply) {}
