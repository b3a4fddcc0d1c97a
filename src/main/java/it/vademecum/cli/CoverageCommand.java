package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Coverage;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which line of the notes each node cites; the last line sums it up. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = {"Which nodes cite each line of the notes; the lines none cites.",
        "The notes are dialogs/source/vademecum.txt."})
final class CoverageCommand implements Callable<Integer> {

  @Option(names = "--ambiguous", description = "Print docs/da-chiarire.md instead: the lines the bot cannot state without interpretation.")
  boolean ambiguous;

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() {
    Optional<Catalog> catalog = dialogs.catalog(TypedSettings.load(), System.err);
    if (catalog.isEmpty()) {
      return 1;
    }
    Coverage coverage = new Coverage(catalog.get());
    System.out.print(ambiguous ? coverage.ambiguous() : coverage.report());
    return 0;
  }
}
