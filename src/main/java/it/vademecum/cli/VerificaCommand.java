package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Review;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Topics past their review date, oldest first. */
@Command(name = "verifica", mixinStandardHelpOptions = true,
    description = {"Topics past their review date, oldest first.",
        "The review date is verified + reviewEvery (default P90D)."})
final class VerificaCommand implements Callable<Integer> {

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() {
    Optional<Catalog> loaded = dialogs.catalog(TypedSettings.load(), System.err);
    if (loaded.isEmpty()) {
      return 1;
    }
    Catalog catalog = loaded.get();
    List<Review.Overdue> overdue = Review.overdue(catalog, LocalDate.now(catalog.calendar().zone()));
    if (overdue.isEmpty()) {
      System.out.println("Nessun argomento da rivedere: tutti verificati entro il periodo di revisione.");
    }
    overdue.forEach(o -> System.out.println(o.line()));
    return 0;
  }
}
