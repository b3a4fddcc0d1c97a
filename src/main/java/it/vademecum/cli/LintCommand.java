package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Problem;
import it.vademecum.dialog.Review;
import it.vademecum.engine.EngineLoader;
import it.vademecum.shift.ShiftRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Validates dialogs/: schema, then graph lint; exit 0 when clean, 1 with the list of problems. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = {"Validate dialogs/: schema, graph, quotes of the notes.",
        "Warns (exit 0) on topics past their review date."})
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
    Path dir = positional != null ? positional : dialogs.resolve(TypedSettings.load());
    List<Problem> problems = lint(dir);
    if (problems.isEmpty()) {
      List<Review.Overdue> overdue = overdue(dir);
      overdue.forEach(o -> System.out.println("warning: past its review date: " + o.line()));
      System.out.println(dir + ": no problems" + (overdue.isEmpty() ? "." : "; " + overdue.size()
          + (overdue.size() == 1 ? " topic past its review date (verifica)." : " topics past their review date (verifica).")));
      return 0;
    }
    problems.forEach(System.out::println);
    System.out.println(problems.size() + (problems.size() == 1 ? " problem." : " problems."));
    return 1;
  }

  /** Topics past their review date: a warning, not an error. */
  static List<Review.Overdue> overdue(Path dir) {
    try {
      Catalog catalog = new CatalogLoader().load(dir);
      return Review.overdue(catalog, LocalDate.now(catalog.calendar().zone()));
    } catch (InvalidCatalogException e) {
      return List.of();
    }
  }

  /** The catalogue's problems, then (when it is clean) those of config/shift.json and of examples.jsonl. */
  static List<Problem> lint(Path dir) {
    try {
      Catalog catalog = new CatalogLoader().load(dir);
      ShiftRules.load(dir, catalog);
      return EngineLoader.exampleProblems(dir, catalog);
    } catch (InvalidCatalogException e) {
      return e.problems();
    }
  }
}
