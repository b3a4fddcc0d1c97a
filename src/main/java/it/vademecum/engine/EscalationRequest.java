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

  /** The lines the agent reads before and after sending it: what the team lead will see. */
  public List<String> summary() {
    List<String> out = new java.util.ArrayList<>();
    out.add("Argomento: " + topicTitle);
    out.add("Passo: " + step);
    out.add("Motivo: " + reason);
    out.add("Ticket: " + ticket);
    answers.forEach(a -> out.add("Risposta: " + a));
    out.add("Nota: " + (note == null || note.isEmpty() ? "nessuna" : note));
    return out;
  }

  /** The same request with the note and the answers passed through a redaction. */
  public EscalationRequest redacted(java.util.function.UnaryOperator<String> redact) {
    return new EscalationRequest(topicId, topicTitle, stepId, step, reason, ticket,
        redact.apply(note == null ? "" : note), answers.stream().map(redact).toList());
  }
}
