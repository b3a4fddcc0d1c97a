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
    description = {"Measure topic recognition on a file of labelled sentences.",
        "Prints per-topic misses, worst confusions, and as its last line the top1/top3/rejection figures."})
final class EvalCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.jsonl",
      description = "Labelled sentences, one JSON object a line: {\"text\": \"…\", \"topic\": \"<id>\"} "
          + "(null topic: a sentence that should find none), e.g. a set kept under eval/.")
  Path file;

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      System.err.println("No such file: " + file.toAbsolutePath().normalize());
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
