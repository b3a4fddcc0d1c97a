package it.vademecum.dialog;

/** One defect of the dialog tree: which file, where in it (JSON pointer), and what is wrong. */
public record Problem(String file, String pointer, String message) implements Comparable<Problem> {
  @Override
  public String toString() {
    return file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }

  @Override
  public int compareTo(Problem o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : pointer.compareTo(o.pointer);
  }
}
