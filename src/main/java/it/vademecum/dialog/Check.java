package it.vademecum.dialog;

import java.util.List;

/** An automatic branch on the clock: the engine decides, the agent is not asked. */
public record Check(String id, String condition, String yes, String no, List<Source> sources) implements Node {
  public Check {
    sources = List.copyOf(sources);
  }

  public static final String SECOND_LEVEL_OPEN = "secondo-livello-aperto";

  @Override
  public List<String> targets() {
    return List.of(yes, no);
  }
}
