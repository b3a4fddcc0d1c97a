package it.vademecum.supervisor;

import it.vademecum.escalation.State;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The supervisors' view of the escalation outbox: open ones with their state, counts, resend. */
public final class OutboxEscalations implements OpenEscalations {

  private final it.vademecum.escalation.OpenEscalations outbox;

  public OutboxEscalations(it.vademecum.escalation.OpenEscalations outbox) {
    this.outbox = outbox;
  }

  @Override
  public List<OpenEscalations.OpenEscalation> open() {
    return outbox.open().stream().map(OutboxEscalations::view).toList();
  }

  @Override
  public Map<String, Long> countByState(Instant since) {
    Map<String, Long> out = new LinkedHashMap<>();
    outbox.countByState(since).forEach((state, n) -> out.put(state.label(), n));
    return out;
  }

  @Override
  public boolean resend(String id) {
    try {
      return outbox.resend(Long.parseLong(id.strip().replaceFirst("^#", "")));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static OpenEscalations.OpenEscalation view(it.vademecum.escalation.OpenEscalation e) {
    String why = e.state() == State.UNCERTAIN
        ? "invio da verificare: se la card non è nel canale dei TL, «escalation reinvia " + e.id() + "»"
        : e.problem() == null ? "" : "⚠ " + e.problem();
    return new OpenEscalations.OpenEscalation(Long.toString(e.id()), e.agent(), e.topicTitle(), why, e.ticket(),
        e.state().label(), e.createdAt());
  }
}
