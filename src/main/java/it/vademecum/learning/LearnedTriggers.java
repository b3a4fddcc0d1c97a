package it.vademecum.learning;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Problem;
import it.vademecum.shift.ShiftRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Adds a sentence to a topic's {@code "learned"} triggers in {@code dialogs/<id>.json}, with its
 * provenance ({@code "local": {"owner", "since", "why"}}). The edited file is linted with the whole
 * of dialogs/ in a scratch copy first; only a clean result replaces the real file, atomically, so
 * the running server's watcher never sees a broken or half-written topic.
 */
final class LearnedTriggers {

  /** What happened: added, already there, or refused with the lint's problems. */
  public record Outcome(boolean added, boolean alreadyThere, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dialogs;

  public LearnedTriggers(Path dialogs) {
    this.dialogs = dialogs;
  }

  /** Adds {@code text} to {@code topicId}'s learned triggers unless a trigger or learned entry already says it. */
  public Outcome add(String topicId, String text, String owner, LocalDate since, String why) {
    Path file = dialogs.resolve(topicId + ".json");
    if (!topicId.matches("[a-z0-9]+(-[a-z0-9]+)*") || !Files.isRegularFile(file)) {
      return new Outcome(false, false, List.of(new Problem(topicId + ".json", "", "argomento inesistente")));
    }
    try {
      String original = Files.readString(file);
      JsonNode doc = JSON.readTree(original);
      String wanted = fold(text);
      for (JsonNode t : doc.path("triggers")) {
        if (fold(t.asText()).equals(wanted)) {
          return new Outcome(false, true, List.of());
        }
      }
      for (JsonNode l : doc.path("learned")) {
        if (fold(l.path("text").asText()).equals(wanted)) {
          return new Outcome(false, true, List.of());
        }
      }
      String content = splice(original, entry(text.strip(), owner, since, why));
      List<Problem> problems = lintWith(file.getFileName().toString(), content);
      if (!problems.isEmpty()) {
        return new Outcome(false, false, problems);
      }
      Path tmp = Files.createTempFile(dialogs, "." + topicId, ".tmp");
      try {
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return new Outcome(true, false, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file, e);
    }
  }

  /** One learned entry on one line, in the files' {@code "key": value} style. */
  static String entry(String text, String owner, LocalDate since, String why) throws IOException {
    return "{\"text\": " + JSON.writeValueAsString(text) + ", \"local\": {\"owner\": " + JSON.writeValueAsString(owner)
        + ", \"since\": \"" + since + "\", \"why\": " + JSON.writeValueAsString(why) + "}}";
  }

  /**
   * The file's text with the entry added at the end of its top-level {@code "learned"} array, or in
   * a new one right after {@code "triggers"}; the rest of the text is left byte for byte as it was.
   */
  static String splice(String original, String entry) throws IOException {
    int learnedLast = -1;
    int learnedOpen = -1;
    int triggersEnd = -1;
    try (JsonParser p = JSON.getFactory().createParser(original)) {
      int depth = 0;
      String field = null;
      String array = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> {
            if (depth == 1) {
              field = p.currentName();
            }
          }
          case START_ARRAY, START_OBJECT -> {
            depth++;
            if (depth == 2 && t == JsonToken.START_ARRAY) {
              array = field;
              if ("learned".equals(array)) {
                learnedOpen = (int) p.currentTokenLocation().getCharOffset();
              }
            }
          }
          case END_ARRAY, END_OBJECT -> {
            if (depth == 2 && t == JsonToken.END_ARRAY && "triggers".equals(array)) {
              triggersEnd = (int) p.currentTokenLocation().getCharOffset() + 1;
            }
            if (depth == 3 && "learned".equals(array)) {
              learnedLast = (int) p.currentTokenLocation().getCharOffset() + 1;
            }
            depth--;
          }
          default -> { }
        }
      }
    }
    if (learnedLast > 0) {
      return original.substring(0, learnedLast) + ",\n    " + entry + original.substring(learnedLast);
    }
    if (learnedOpen > 0) {
      int close = original.indexOf(']', learnedOpen);
      return original.substring(0, learnedOpen + 1) + "\n    " + entry + "\n  " + original.substring(close);
    }
    if (triggersEnd < 0) {
      throw new IOException("no \"triggers\" array");
    }
    return original.substring(0, triggersEnd) + ",\n  \"learned\": [\n    " + entry + "\n  ]"
        + original.substring(triggersEnd);
  }

  /** The lint of dialogs/ with one topic file replaced, in a scratch copy. */
  private List<Problem> lintWith(String fileName, String content) throws IOException {
    Path scratch = Files.createTempDirectory("vademecum-lint");
    try {
      try (Stream<Path> all = Files.walk(dialogs)) {
        for (Path p : all.toList()) {
          Path target = scratch.resolve(dialogs.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else if (!p.getFileName().toString().endsWith(".tmp")) {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Files.writeString(scratch.resolve(fileName), content);
      try {
        ShiftRules.load(scratch, new CatalogLoader().load(scratch));
        return List.of();
      } catch (InvalidCatalogException e) {
        // Named as the editor knows them: the real folder, not the scratch copy.
        String copy = scratch.toString();
        return e.problems().stream().map(p -> new Problem(p.file().replace(copy, dialogs.toString()), p.pointer(),
            p.message())).toList();
      }
    } finally {
      try (Stream<Path> all = Files.walk(scratch)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String fold(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
