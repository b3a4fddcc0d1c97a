package it.vademecum.engine;

import it.vademecum.dialog.Step;
import java.util.List;
import java.util.Optional;

/** The next step for the agent: what to do, where to forward, whether a TL is needed. */
public record Answer(
    String step,
    Optional<String> forward,
    Optional<String> escalationReason,
    List<String> notes,
    List<Step.Link> links) {

  public Answer {
    notes = List.copyOf(notes);
    links = List.copyOf(links);
  }
}
