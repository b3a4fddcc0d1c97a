package it.vademecum.session;

import it.vademecum.dialog.Condition.Facts;
import java.util.List;
import java.util.Map;

/**
 * One agent's conversation state: the topic and node in progress, the questions answered (for
 * "indietro"), the values collected for phrases, and what the first message already told.
 * Immutable: every turn returns a new one.
 *
 * @param topicId the topic in progress, or null
 * @param nodeId the node in progress: a pending question, a step waiting for a value, or the
 *     step last answered; null with no topic
 * @param pending true when nodeId waits for the agent (a question, or a value when awaiting is set)
 * @param awaiting the value a step needs before its phrases ("indirizzo", "nome"), or null
 * @param path the question nodes passed on the way, oldest first
 * @param preanswers question node id to the index of the choice the first message picked
 */
public record Session(
    String agentName,
    String topicId,
    String nodeId,
    boolean pending,
    String awaiting,
    List<String> path,
    Map<String, String> values,
    Facts facts,
    Map<String, Integer> preanswers) {

  public static final Session EMPTY =
      new Session(null, null, null, false, null, List.of(), Map.of(), Facts.NONE, Map.of());

  public Session {
    path = List.copyOf(path);
    values = Map.copyOf(values);
    preanswers = Map.copyOf(preanswers);
  }

  public boolean inTopic() {
    return topicId != null;
  }

  public boolean waitingForChoice() {
    return pending && awaiting == null;
  }

  public Session withAgentName(String name) {
    return new Session(name, topicId, nodeId, pending, awaiting, path, values, facts, preanswers);
  }

  /** The same agent with no topic in progress. */
  public Session cleared() {
    return new Session(agentName, null, null, false, null, List.of(), Map.of(), Facts.NONE, Map.of());
  }
}
