package it.vademecum.engine;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** A typed command as commands compare it: lower case, no accents, single spaces, no final "!.?". */
public final class Typed {

  private Typed() {}

  public static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip().replaceAll("[!.?]+$", "").strip();
  }

  /** The folded text of a typed message, or of a {@code k:} command button; empty otherwise. */
  public static Optional<String> command(Input input) {
    if (input instanceof Input.Text t) {
      return Optional.of(fold(t.text()));
    }
    return ((Input.Button) input).action() instanceof Action.Command c ? Optional.of(fold(c.words())) : Optional.empty();
  }
}
