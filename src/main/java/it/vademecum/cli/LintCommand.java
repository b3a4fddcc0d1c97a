package it.vademecum.cli;

import it.vademecum.config.Settings;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Problem;
import it.vademecum.shift.ShiftRules;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Validates dialogs/: schema, then graph lint; exit 0 when clean, 1 with the list of problems. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Validate the dialogs folder (schema and graph).")
final class LintCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "Dialogs folder (default: DIALOGS_DIR or dialogs); --dialogs DIR says the same.")
  Path positional;

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() {
    if (positional != null && dialogs.dir != null && !positional.equals(dialogs.dir)) {
      System.err.println("Two dialogs folders given (" + positional + " and --dialogs " + dialogs.dir
          + "): give one.");
      return 2;
    }
    Path dir = positional != null ? positional : dialogs.resolve(Settings.load());
    List<Problem> problems = lint(dir);
    if (problems.isEmpty()) {
      System.out.println(dir + ": no problems.");
      return 0;
    }
    problems.forEach(System.out::println);
    System.out.println(problems.size() + (problems.size() == 1 ? " problem." : " problems."));
    return 1;
  }

  /** The catalogue's problems, then (when it is clean) those of config/shift.json. */
  static List<Problem> lint(Path dir) {
    try {
      ShiftRules.load(dir, new CatalogLoader().load(dir));
      return List.of();
    } catch (InvalidCatalogException e) {
      return e.problems();
    }
  }
}
