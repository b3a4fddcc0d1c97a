package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.MermaidRenderer;
import it.vademecum.dialog.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a topic tree as a Mermaid flowchart, or writes docs/topics.md with all of them. */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Draw topic trees as Mermaid flowcharts.")
final class RenderCommand implements Callable<Integer> {

  @ArgGroup(multiplicity = "1")
  Target target;

  static final class Target {
    @Parameters(paramLabel = "TOPIC", description = "Topic id to print.")
    String topic;

    @Option(names = "--all", description = "Write every topic to --out (default docs/topics.md).")
    boolean all;
  }

  @Option(names = "--out", paramLabel = "FILE", description = "Output of --all (default: docs/topics.md).")
  Path out = Path.of("docs", "topics.md");

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() throws IOException {
    Optional<Catalog> loaded = dialogs.catalog(TypedSettings.load(), System.err);
    if (loaded.isEmpty()) {
      return 1;
    }
    Catalog catalog = loaded.get();
    if (target.all) {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, MermaidRenderer.renderAll(catalog.list()), StandardCharsets.UTF_8);
      System.out.println("Wrote " + catalog.topics().size() + " topics to " + out);
      return 0;
    }
    Optional<Topic> topic = catalog.topic(target.topic);
    if (topic.isEmpty()) {
      System.err.println("Unknown topic: " + target.topic + ". The topics are: "
          + String.join(", ", catalog.topics().keySet()));
      return 2;
    }
    System.out.print(MermaidRenderer.render(topic.get()));
    return 0;
  }
}
