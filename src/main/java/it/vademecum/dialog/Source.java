package it.vademecum.dialog;

/**
 * Where a node comes from: a line of the notes (dialogs/source/vademecum.txt) and a verbatim piece
 * of it; a doubt when the line cannot be stated without interpretation (listed in docs/da-chiarire.md).
 */
record Source(int line, String quote, Doubt doubt) {

  /** What the bot currently reads into the line, and what the notes' owner must decide. */
  public record Doubt(String reading, String decide) {}
}
