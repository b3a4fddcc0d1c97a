package it.vademecum.engine;

import java.util.Optional;
import java.util.regex.Pattern;

/** A typed command as commands compare it: lower case, no accents, single spaces, no final "!.?". */
public final class Typed {

  // Compiled once: String.replaceAll compiles its pattern on every call, and fold runs on every turn.
  private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[!.?]+$");

  private Typed() {}

  /** {@link Texts#fold} (lower case, no accents, single spaces) without a final "!", "." or "?". */
  public static String fold(String s) {
    return FINAL_PUNCTUATION.matcher(Texts.fold(s)).replaceAll("").strip();
  }

  /** The folded text of a typed message, or of a {@code k:} command button; empty otherwise. */
  public static Optional<String> command(Input input) {
    if (input instanceof Input.Text t) {
      return Optional.of(fold(t.text()));
    }
    return ((Input.Button) input).action() instanceof Action.Command c ? Optional.of(fold(c.words())) : Optional.empty();
  }
}
