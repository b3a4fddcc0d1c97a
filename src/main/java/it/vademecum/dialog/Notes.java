package it.vademecum.dialog;

import java.util.List;
import java.util.regex.Pattern;

/** The agents' notes, the authority for every answer, one element per line (line 1 first). */
record Notes(List<String> lines) {

  public static final String FILE = "source/vademecum.txt";
  private static final Pattern SEPARATOR = Pattern.compile("-{3,}");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  public Notes {
    lines = List.copyOf(lines);
  }

  public static Notes of(String text) {
    return new Notes(text.lines().toList());
  }

  /** The text of line n (1-based), or null when there is no such line. */
  public String line(int n) {
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
  }

  /** Whether line n holds the quote, whitespace normalised on both sides. */
  public boolean quotes(int n, String quote) {
    String l = line(n);
    return l != null && !normal(quote).isEmpty() && normal(l).contains(normal(quote));
  }

  /** A line that says something: not blank and not a "-----" separator. */
  public boolean isContent(int n) {
    String l = line(n);
    return l != null && !l.isBlank() && !SEPARATOR.matcher(l.strip()).matches();
  }

  static String normal(String s) {
    return SPACE.matcher(s.strip()).replaceAll(" ");
  }
}
