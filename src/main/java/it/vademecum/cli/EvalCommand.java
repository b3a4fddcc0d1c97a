package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dialog.Topic;
import it.vademecum.engine.Engine;
import it.vademecum.match.Evaluation;
import it.vademecum.match.EvaluationDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(names = "--report", paramLabel = "FILE.html|FILE.md",
      description = "Also write a confusion matrix and the misses (Markdown for .md, HTML otherwise).")
  Path report;

  @Option(names = "--rankings", paramLabel = "FILE.jsonl",
      description = "Also write every line's verdict, ranking, raw topic scores and classifier probabilities (JSONL), for experiments.")
  Path rankings;

  @Option(names = "--leave-out",
      description = "Train the classifier without the examples that came from a set of this file's name"
          + " (dialogs/examples.jsonl, \"source\"), so the set is measured as if never seen.")
  boolean leaveOut;

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      System.err.println("No such file: " + file.toAbsolutePath().normalize());
      return 2;
    }
    Optional<Engine> engine = dialogs.load(TypedSettings.load(), System.err,
        leaveOut ? Set.of(file.getFileName().toString()) : Set.of());
    if (engine.isEmpty()) {
      return 1;
    }
    List<String> known = engine.get().catalog().list().stream().map(Topic::id).toList();
    List<Evaluation.Case> cases;
    try {
      cases = Evaluation.parseJsonl(file, known);
    } catch (IllegalArgumentException e) {
      System.err.println(file + ", " + e.getMessage());
      return 1;
    }
    Evaluation.Report result = Evaluation.run(engine.get().matcher(), cases);
    if (report != null) {
      try {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(report, EvaluationDocument.render(result, file.getFileName().toString(),
            report.getFileName().toString()));
      } catch (IOException e) {
        System.err.println("Non riesco a scrivere il resoconto " + report + ": " + e.getMessage());
        return 1;
      }
    }
    if (rankings != null) {
      try {
        Files.write(rankings, Evaluation.rankings(engine.get().matcher(), cases));
      } catch (IOException e) {
        System.err.println("Non riesco a scrivere le classifiche " + rankings + ": " + e.getMessage());
        return 1;
      }
    }
    System.out.print(result.text());
    return 0;
  }
}
