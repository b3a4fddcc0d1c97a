package it.vademecum.engine;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A typed command as commands compare it: lower case, no accents, single spaces, no final "!.?". */
public final class Typed {

  // Compiled once: String.replaceAll compiles its pattern on every call, and fold runs on every turn.
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[!.?]+$");

  private Typed() {}

  public static String fold(String s) {
    String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    String spaced = SPACES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return FINAL_PUNCTUATION.matcher(spaced).replaceAll("").strip();
  }

  /** The folded text of a typed message, or of a {@code k:} command button; empty otherwise. */
  public static Optional<String> command(Input input) {
    if (input instanceof Input.Text t) {
      return Optional.of(fold(t.text()));
    }
    return ((Input.Button) input).action() instanceof Action.Command c ? Optional.of(fold(c.words())) : Optional.empty();
  }
}
