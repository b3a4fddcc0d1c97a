package it.vademecum.dialog;

import java.util.List;

/** A node of a topic tree: a question, a step (leaf) or an automatic branch on the clock. */
public sealed interface Node permits Question, Step, Check {
  String id();

  /** Ids of the nodes this one leads to. */
  List<String> targets();

  /** The lines of the notes this node states. */
  List<Source> sources();

  /** What this node says that the notes do not (shown as internal rules). */
  default List<Local> local() {
    return List.of();
  }
}
