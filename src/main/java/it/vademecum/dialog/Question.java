package it.vademecum.dialog;

import java.util.List;

/** A decision the agent answers with a button or by typing. */
public record Question(String id, String ask, String hint, List<Choice> choices, List<Source> sources,
    List<Local> local) implements Node {
  public Question {
    choices = List.copyOf(choices);
    sources = List.copyOf(sources);
    local = List.copyOf(local);
  }

  @Override
  public List<String> targets() {
    return choices.stream().map(Choice::next).toList();
  }
}
