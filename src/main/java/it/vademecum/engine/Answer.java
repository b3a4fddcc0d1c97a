package it.vademecum.engine;

import it.vademecum.dialog.Local;
import it.vademecum.dialog.Step;
import java.util.List;
import java.util.Optional;

/** The next step for the agent: what to do, where to forward, whether a TL is needed, and internal rules apart. */
public record Answer(
    String step,
    Optional<String> forward,
    Optional<String> escalationReason,
    List<String> notes,
    List<Step.Link> links,
    List<Local> localRules) {

  public Answer {
    notes = List.copyOf(notes);
    links = List.copyOf(links);
    localRules = List.copyOf(localRules);
  }

  /** An answer that states only what the notes say. */
  public Answer(String step, Optional<String> forward, Optional<String> escalationReason, List<String> notes,
      List<Step.Link> links) {
    this(step, forward, escalationReason, notes, links, List.of());
  }

  /** The internal rules as the agent must see them: marked, with their owner, never as the notes' words. */
  public List<String> localLines() {
    return localRules.stream().map(Answer::marked).toList();
  }

  /** «Regola interna (owner): text». */
  public static String marked(Local rule) {
    return "Regola interna (" + rule.owner() + "): " + rule.text();
  }
}
