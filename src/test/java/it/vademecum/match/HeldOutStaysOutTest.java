package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: the sentences of the held-out sets under eval/ never reach the recognition data: no
 * title, trigger, learned sentence or signal of a topic, and no string of the lexicon (abbreviations,
 * synonyms, fillers, other products' words) contains one of four words or more; and the sets are
 * valid (every topic id exists). The tree's own texts come from the agents' notes, which the sets were written from.
 */
class HeldOutStaysOutTest {

  /** The fewest words a line needs to count as a sentence that could have been pasted. */
  private static final int SHORTEST_SENTENCE = 4;

  private static final Path DIALOGS = Path.of(System.getProperty("vademecum.dialogs", "dialogs"));

  @ParameterizedTest
  @ValueSource(strings = {"eval/heldout-1.jsonl", "eval/heldout-2.jsonl", "eval/heldout-3.jsonl", "eval/heldout-4.jsonl", "eval/heldout-6-self.jsonl", "eval/heldout-6-aside.jsonl", "eval/tuning.jsonl"})
  void noHeldOutSentenceIsInTheMatchersData(String set) throws IOException {
    List<String> ids = DialogTopics.load().stream().map(TopicText::id).toList();
    List<Evaluation.Case> cases = Evaluation.parseJsonl(Path.of(set), ids);
    assertTrue(cases.size() >= 50, set + " has " + cases.size() + " lines");
    List<String> data = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(DIALOGS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.endsWith("schema.json")).toList()) {
        JsonNode topic = json.readTree(f.toFile());
        for (String field : List.of("title", "triggers", "learned", "signals")) {
          collect(topic.path(field), data);
        }
      }
    }
    collect(json.readTree(DIALOGS.resolve("config/lexicon.json").toFile()), data);
    assertTrue(data.size() > 1000, "the recognition data was read: " + data.size());
    List<String> found = new ArrayList<>();
    for (Evaluation.Case c : cases) {
      String sentence = fold(c.text());
      // Three words or fewer are a topic's name as anyone writes it ("richiesta log"): such a line
      // may coincide with a title or trigger written from the notes, and is no sentence to paste.
      if (sentence.split(" ").length < SHORTEST_SENTENCE) {
        continue;
      }
      if (data.stream().anyMatch(s -> s.contains(sentence))) {
        found.add(c.text());
      }
    }
    assertEquals(List.of(), found);
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isMissingNode()) {
      return;
    }
    if (node.isTextual()) {
      out.add(fold(node.asText()));
    }
    node.fieldNames().forEachRemaining(name -> out.add(fold(name)));
    node.elements().forEachRemaining(child -> collect(child, out));
  }

  private static String fold(String s) {
    String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
