package it.vademecum.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helper: reads the real topic files {@code dialogs/<id>.json} into {@link TopicText}s
 * (id, title, triggers, signals; body = summary, questions, choice labels and keywords, steps,
 * notes, phrases, queues, escalation reasons, link hosts). Tolerates files still being written.
 */
final class DialogTopics {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DialogTopics() {}

  /** The dialogs directory: system property {@code vademecum.dialogs}, else {@code dialogs}. */
  static Path dir() {
    return Path.of(System.getProperty("vademecum.dialogs", "dialogs"));
  }

  /** The lexicon in the dialogs directory, or an empty one. */
  static Lexicon lexicon() {
    Path file = dir().resolve("config/lexicon.json");
    return Files.isRegularFile(file) ? Lexicon.load(file) : Lexicon.empty();
  }

  static List<TopicText> load() {
    return load(dir());
  }

  static List<TopicText> load(Path dir) {
    List<TopicText> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") || name.equals("schema.json") || !Files.isRegularFile(file)) {
          continue;
        }
        try {
          TopicText t = read(MAPPER.readTree(file.toFile()));
          if (t != null) {
            out.add(t);
          }
        } catch (IOException e) {
          System.err.println("skipping " + file + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static TopicText read(JsonNode root) {
    String id = root.path("id").asText("");
    if (id.isEmpty()) {
      return null;
    }
    List<String> triggers = new ArrayList<>(texts(root.path("triggers")));
    for (JsonNode learned : root.path("learned")) {
      add(triggers, learned.path("text"));
    }
    List<String> signals = texts(root.path("signals"));
    List<String> body = new ArrayList<>();
    add(body, root.path("summary"));
    for (JsonNode node : root.path("nodes")) {
      add(body, node.path("ask"));
      add(body, node.path("hint"));
      for (JsonNode choice : node.path("choices")) {
        add(body, choice.path("label"));
        body.addAll(texts(choice.path("keywords")));
      }
      add(body, node.path("step"));
      add(body, node.path("forward"));
      add(body, node.path("escalate").path("reason"));
      body.addAll(texts(node.path("notes")));
      for (JsonNode phrase : node.path("phrases")) {
        add(body, phrase.path("label"));
        add(body, phrase.path("text"));
      }
      for (JsonNode link : node.path("links")) {
        add(body, link.path("label"));
        try {
          String host = URI.create(link.path("url").asText("")).getHost();
          if (host != null) {
            body.add(host);
          }
        } catch (IllegalArgumentException ignored) {
          // a malformed URL adds nothing
        }
      }
    }
    return new TopicText(id, root.path("title").asText(id), triggers, signals, body);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (n.isTextual() && !n.asText().isBlank()) {
        out.add(n.asText());
      }
    }
    return out;
  }

  private static void add(List<String> body, JsonNode n) {
    if (n.isTextual() && !n.asText().isBlank()) {
      body.add(n.asText());
    }
  }
}
