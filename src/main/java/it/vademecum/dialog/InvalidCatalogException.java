package it.vademecum.dialog;

import java.util.List;
import java.util.stream.Collectors;

/** The dialog tree has defects; every one of them is listed, not only the first. */
public final class InvalidCatalogException extends Exception {
  private final transient List<Problem> problems;

  public InvalidCatalogException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
