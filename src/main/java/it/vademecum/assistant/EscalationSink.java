package it.vademecum.assistant;

import it.vademecum.engine.EscalationRequest;
import java.util.List;

/** Where a confirmed escalation goes: the lines returned are shown to the agent at once. */
public interface EscalationSink {

  List<String> submit(Agent agent, EscalationRequest request);

  /** The request as the team lead will read it (the note redacted), for the agent's preview. */
  default EscalationRequest preview(EscalationRequest request) {
    return request;
  }

  /** With no team leads' channel (the console): the agent contacts the TL by hand. */
  static EscalationSink byHand() {
    return (agent, request) -> List.of(
        "Da qui non posso scrivere nel canale dei TL: contatta il TL a mano con questo riepilogo.");
  }
}
