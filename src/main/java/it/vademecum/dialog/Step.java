package it.vademecum.dialog;

import java.util.List;

/** A leaf: the next step, where to forward, whether to escalate, notes, links and phrases. */
public record Step(
    String id,
    String text,
    String forward,
    String escalateReason,
    List<String> notes,
    List<Link> links,
    List<PhraseTemplate> phrases,
    List<Source> sources,
    List<Local> local) implements Node {

  public Step {
    sources = List.copyOf(sources);
    local = List.copyOf(local);
    notes = List.copyOf(notes);
    links = List.copyOf(links);
    phrases = List.copyOf(phrases);
  }

  @Override
  public List<String> targets() {
    return List.of();
  }

  public record Link(String label, String url) {}

  public record PhraseTemplate(String label, String text) {}
}
