package it.vademecum.assistant;

/**
 * Who is talking, as the front end knows it.
 *
 * @param key the session key (tenant and user, unique per agent)
 * @param id the agent's stable id for statistics and roles (AAD object id in Teams)
 * @param name the given name for the phrases, or null when unknown
 * @param upn the user principal name, or null
 */
public record Agent(String key, String id, String name, String upn) {}
