package it.vademecum.engine;

import java.util.List;

/**
 * An escalation the agent confirmed: everything a team lead needs to take the case. The front end
 * adds who, where and when, and queues it durably before telling the agent anything.
 *
 * @param answers the questions answered on the way, as "question → answer"
 * @param note the agent's note, empty when none
 */
public record EscalationRequest(
    String topicId,
    String topicTitle,
    String stepId,
    String step,
    String reason,
    String ticket,
    String note,
    List<String> answers) {

  public EscalationRequest {
    answers = List.copyOf(answers);
  }
}
