package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.supervisor.DialogsReloader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The --dialogs option shared by commands that need the knowledge; DIALOGS_DIR otherwise. */
final class DialogsOption {

  @Option(names = "--dialogs", paramLabel = "DIR", description = "Dialogs folder (default: DIALOGS_DIR or dialogs).")
  Path dir;

  Path resolve(TypedSettings settings) {
    return dir != null ? dir : settings.server().dialogsDir();
  }

  /**
   * The dialogs folder as an absolute path when it holds topic files; otherwise empty, after one
   * line saying where it looked and how to point elsewhere. Reads only: creates nothing.
   */
  Optional<Path> present(TypedSettings settings, PrintStream err) {
    Path d = resolve(settings).toAbsolutePath().normalize();
    if (!hasTopics(d)) {
      err.println("No dialogs in " + d + (Files.isDirectory(d) ? " (no *.json files)" : " (no such folder)")
          + ": run from the folder that holds dialogs/, or set DIALOGS_DIR (or --dialogs) to it.");
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /** The validated catalogue, or empty after printing every problem of the tree. */
  Optional<Catalog> catalog(TypedSettings settings, PrintStream err) {
    try {
      return Optional.of(new CatalogLoader().load(resolve(settings)));
    } catch (InvalidCatalogException e) {
      e.problems().forEach(err::println);
      return Optional.empty();
    }
  }

  /** The engine, or empty after printing where it looked or every problem of the tree. */
  Optional<Engine> load(TypedSettings settings, PrintStream err) {
    return load(settings, err, Set.of());
  }

  /** The engine trained without the examples of the sets named in {@code leftOut} (file names). */
  Optional<Engine> load(TypedSettings settings, PrintStream err, Set<String> leftOut) {
    Optional<Path> d = present(settings, err);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EngineLoader().load(d.get(), leftOut));
    } catch (InvalidCatalogException e) {
      problems(d.get(), e, err);
      return Optional.empty();
    }
  }

  /** The reloadable dialogs (engine and shift rules), or empty after printing where it looked or every problem. */
  Optional<DialogsReloader> reloader(TypedSettings settings, PrintStream err) {
    Optional<Path> d = present(settings, err);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DialogsReloader.load(d.get()));
    } catch (InvalidCatalogException e) {
      problems(d.get(), e, err);
      return Optional.empty();
    }
  }

  private static void problems(Path d, InvalidCatalogException e, PrintStream err) {
    err.println("The dialogs in " + d + " have problems; fix them (java -jar vademecum.jar lint) and try again:");
    e.problems().forEach(err::println);
  }

  private static boolean hasTopics(Path d) {
    if (!Files.isDirectory(d)) {
      return false;
    }
    try (Stream<Path> files = Files.list(d)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".json"));
    } catch (IOException e) {
      return false;
    }
  }
}
