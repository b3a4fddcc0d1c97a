package it.vademecum.shift;

import it.vademecum.engine.Knowledge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the real dialogs/ that a test may edit. */
public final class DialogsCopy {

  private DialogsCopy() {}

  public static Path into(Path target) {
    try (Stream<Path> files = Files.walk(Knowledge.DIALOGS)) {
      for (Path f : files.toList()) {
        Path to = target.resolve(Knowledge.DIALOGS.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code from} with {@code to} in a file of the copy; fails when {@code from} is absent. */
  public static void edit(Path dialogs, String file, String from, String to) {
    try {
      Path f = dialogs.resolve(file);
      String text = Files.readString(f);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(file + " has no «" + from + "»");
      }
      Files.writeString(f, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
