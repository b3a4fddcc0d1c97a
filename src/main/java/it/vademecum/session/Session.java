package it.vademecum.session;

import it.vademecum.dialog.Condition.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One agent's conversation state: the topic and node in progress, the questions answered (for
 * "indietro" and for the team lead's summary), the values collected for phrases, what the first
 * message already told, and an escalation being prepared. Immutable: every turn returns a new one.
 *
 * @param topicId the topic in progress, or null
 * @param nodeId the node in progress: a pending question, a step waiting for a value, or the step
 *     last answered; null with no topic
 * @param pending true when nodeId waits for the agent (a question, or a value when awaiting is set)
 * @param awaiting the free-text value awaited ("indirizzo", "nome", "ticket", "nota"), or null
 * @param path the questions passed on the way with the choice taken, oldest first
 * @param preanswers "topic/node" to the index of the choice the first message picked
 * @param draft the escalation being prepared at the current step, or null
 * @param query the last sentence that started no topic by itself (it needed a choice among candidate
 *     topics, or found none), kept in memory only until the next turn (for the statistics of what
 *     agents choose, and the suggestions of new triggers), or null
 */
public record Session(
    String agentName,
    String topicId,
    String nodeId,
    boolean pending,
    String awaiting,
    List<Passage> path,
    Map<String, String> values,
    Facts facts,
    Map<String, Integer> preanswers,
    EscalationDraft draft,
    String query) {

  public static final Session EMPTY =
      new Session(null, null, null, false, null, List.of(), Map.of(), Facts.NONE, Map.of(), null, null);

  /** A question passed, with the index of the choice taken. */
  public record Passage(String question, int choice) {}

  /** What the agent has told so far for a team lead: the ticket number and an optional note. */
  public record EscalationDraft(String ticket, String note) {}

  public Session {
    path = List.copyOf(path);
    values = Map.copyOf(values);
    preanswers = Map.copyOf(preanswers);
  }

  /** A topic just started at its first node. */
  public static Session started(String agentName, String topicId, String start, Facts facts,
      Map<String, Integer> preanswers) {
    return new Session(agentName, topicId, start, false, null, List.of(), Map.of(), facts, preanswers, null, null);
  }

  public boolean inTopic() {
    return topicId != null;
  }

  public boolean waitingForChoice() {
    return pending && awaiting == null;
  }

  public Session withAgentName(String name) {
    return new Session(name, topicId, nodeId, pending, awaiting, path, values, facts, preanswers, draft, null);
  }

  public Session withValues(Map<String, String> newValues) {
    return new Session(agentName, topicId, nodeId, pending, awaiting, path, newValues, facts, preanswers, draft, null);
  }

  public Session withDraft(EscalationDraft newDraft) {
    return new Session(agentName, topicId, nodeId, pending, awaiting, path, values, facts, preanswers, newDraft, null);
  }

  /** At a node, waiting (pending) or not, for a typed value (awaiting) or a choice. */
  public Session at(String node, boolean isPending, String awaitingValue) {
    return new Session(agentName, topicId, node, isPending, awaitingValue, path, values, facts, preanswers, draft, null);
  }

  /** The question answered with the given choice, appended to the path. */
  public Session passed(String question, int choice) {
    List<Passage> p = new ArrayList<>(path);
    p.add(new Passage(question, choice));
    return new Session(agentName, topicId, question, false, null, p, values, facts, preanswers, null, null);
  }

  /** Back at the last question passed, which is asked again; the first message no longer answers. */
  public Session back() {
    List<Passage> p = new ArrayList<>(path);
    Passage last = p.remove(p.size() - 1);
    return new Session(agentName, topicId, last.question(), true, null, p, values, Facts.NONE, Map.of(), null, null);
  }

  /** No topic, keeping what the last message told, for a choice among candidate topics. */
  public Session undecided(Facts newFacts, Map<String, Integer> newPreanswers, String sentence) {
    return new Session(agentName, null, null, false, null, List.of(), Map.of(), newFacts, newPreanswers, null,
        sentence);
  }

  /** The same agent with no topic in progress. */
  public Session cleared() {
    return new Session(agentName, null, null, false, null, List.of(), Map.of(), Facts.NONE, Map.of(), null, null);
  }
}
