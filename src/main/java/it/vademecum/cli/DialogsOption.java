package it.vademecum.cli;

import it.vademecum.config.Settings;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.supervisor.DialogsReloader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --dialogs option shared by commands that need the knowledge; DIALOGS_DIR otherwise. */
final class DialogsOption {

  @Option(names = "--dialogs", paramLabel = "DIR", description = "Dialogs folder (default: DIALOGS_DIR or dialogs).")
  Path dir;

  Path resolve(Settings settings) {
    return dir != null ? dir : settings.dialogsDir();
  }

  /** The validated catalogue, or empty after printing every problem of the tree. */
  Optional<Catalog> catalog(Settings settings, PrintStream err) {
    try {
      return Optional.of(new CatalogLoader().load(resolve(settings)));
    } catch (InvalidCatalogException e) {
      e.problems().forEach(err::println);
      return Optional.empty();
    }
  }

  /** The engine, or empty after printing every problem of the tree. */
  Optional<Engine> load(Settings settings, PrintStream err) {
    Path d = resolve(settings);
    try {
      return Optional.of(new EngineLoader().load(d));
    } catch (InvalidCatalogException e) {
      err.println("I dialoghi in " + d + " hanno errori: correggili e riprova.");
      e.problems().forEach(err::println);
      return Optional.empty();
    }
  }

  /** The reloadable dialogs (engine and shift rules), or empty after printing every problem. */
  Optional<DialogsReloader> reloader(Settings settings, PrintStream err) {
    Path d = resolve(settings);
    try {
      return Optional.of(DialogsReloader.load(d));
    } catch (InvalidCatalogException e) {
      err.println("I dialoghi in " + d + " hanno errori: correggili e riprova.");
      e.problems().forEach(err::println);
      return Optional.empty();
    }
  }
}
