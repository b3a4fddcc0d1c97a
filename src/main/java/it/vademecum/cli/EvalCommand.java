package it.vademecum.cli;

import it.vademecum.config.Settings;
import it.vademecum.engine.Engine;
import it.vademecum.match.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Measures topic recognition on a JSONL file of {"text", "topic"} lines. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure topic recognition: per-topic misses, worst confusions, and top1/top3/rejection figures.")
final class EvalCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.jsonl")
  Path file;

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      System.err.println("File non trovato: " + file);
      return 2;
    }
    Optional<Engine> engine = dialogs.load(Settings.load(), System.err);
    if (engine.isEmpty()) {
      return 1;
    }
    Evaluation.Report report = Evaluation.run(engine.get().matcher(), Evaluation.parseJsonl(file));
    System.out.print(report.text().endsWith("\n") ? report.text() : report.text() + "\n");
    return 0;
  }
}
