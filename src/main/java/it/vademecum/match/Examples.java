package it.vademecum.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads {@code dialogs/examples.jsonl}: one {@code {"text", "topic", "source"}} object a line,
 * {@code topic} a known topic id or null (no topic). Blank lines are skipped.
 */
public final class Examples {

  /** The file's name inside dialogs/. */
  public static final String FILE = "examples.jsonl";

  /** A broken line: its number (from 1) and what is wrong, in Italian for a knowledge editor. */
  public record Problem(int line, String message) {}

  /** The examples and the problems of a file (both empty when the file is absent). */
  public record Parsed(List<Example> examples, List<Problem> problems) {}

  private Examples() {}

  /** Parses the file; {@code known} holds the topic ids a line may name. */
  public static Parsed read(Path file, Collection<String> known) {
    if (!Files.isRegularFile(file)) {
      return new Parsed(List.of(), List.of());
    }
    try {
      return parse(Files.readAllLines(file), known);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Parses JSONL lines; {@code known} holds the topic ids a line may name. */
  public static Parsed parse(List<String> lines, Collection<String> known) {
    ObjectMapper json = new ObjectMapper();
    List<Example> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = json.readTree(line);
      } catch (JsonProcessingException e) {
        problems.add(new Problem(i + 1, "non è JSON"));
        continue;
      }
      if (node == null || !node.isObject()) {
        problems.add(new Problem(i + 1, "non è un oggetto JSON"));
        continue;
      }
      JsonNode text = node.get("text");
      if (text == null || !text.isTextual() || text.asText().isBlank()) {
        problems.add(new Problem(i + 1, "manca il testo (\"text\")"));
        continue;
      }
      JsonNode topic = node.get("topic");
      if (topic == null) {
        problems.add(new Problem(i + 1, "manca \"topic\" (null per una frase che non è un argomento)"));
        continue;
      }
      if (!topic.isNull() && !(topic.isTextual() && known.contains(topic.asText()))) {
        problems.add(new Problem(i + 1, "argomento sconosciuto \"" + topic.asText() + "\""));
        continue;
      }
      JsonNode source = node.get("source");
      out.add(new Example(text.asText(), topic.isNull() ? null : topic.asText(),
          source == null || source.isNull() ? "" : source.asText()));
    }
    return new Parsed(List.copyOf(out), List.copyOf(problems));
  }
}
