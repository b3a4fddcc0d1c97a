package it.vademecum.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures a {@link TopicMatcher} on labelled sentences ({@code {"text": "...", "topic": "<id>" | null}}
 * per line, optionally {@code "kind"} and {@code "also"}: the second topic of a two-topic sentence).
 * Pure: no I/O besides {@link #parseJsonl(Path, Set)}.
 */
public final class Evaluation {

  private Evaluation() {}

  /** The kind of sentence a paraphrase figure is computed on. */
  public static final String PARAPHRASE = "paraphrase";

  /**
   * One labelled sentence; {@code topic} is null for out-of-domain text; {@code kind} (plain,
   * paraphrase, english, two, ood) and {@code also} (the other topic of a two-topic sentence) may be null.
   */
  public record Case(String text, String topic, String kind, String also) {
    public Case(String text, String topic) {
      this(text, topic, null, null);
    }
  }

  /** One sentence the matcher got wrong. {@code got} is null when it answered "no topic". */
  public record Miss(String expected, String got, Ranking.Verdict verdict, String text) {}

  /**
   * The figures and the misses; {@link #text()} is the printable report.
   *
   * @param confidentTop1 share of topic lines started at once on the right topic
   * @param menuRate share of topic lines answered with a menu of topics
   * @param confidentWrong share of topic lines started at once on a wrong topic
   * @param paraphraseTop1 top1 over the lines of kind paraphrase, NaN when there are none
   * @param twoOffered share of the lines with an {@code also} topic whose reply offers both topics
   *     (a menu holding both), NaN when there are none
   * @param confusion expected topic → answered topic ("(none)" for no topic) → count, for topic lines
   */
  public record Report(double top1, double top3, double oodRejected, double inDomainRejected, int n,
      double confidentTop1, double menuRate, double confidentWrong, double paraphraseTop1, double twoOffered,
      List<Miss> misses, Map<String, Map<String, Integer>> confusion, List<String> lines) {

    public Report {
      misses = List.copyOf(misses);
      lines = List.copyOf(lines);
    }

    /**
     * The last line of the report: {@code top1=0.000 top3=0.000 ood_rejected=0.000 in_domain_rejected=0.000 n=0},
     * then {@code confident_top1 menu_rate confident_wrong} and, when the file has paraphrases or
     * two-topic lines, {@code paraphrase_top1} and {@code two_offered}.
     */
    public String summary() {
      String s = String.format(Locale.ROOT,
          "top1=%.3f top3=%.3f ood_rejected=%.3f in_domain_rejected=%.3f n=%d confident_top1=%.3f menu_rate=%.3f"
              + " confident_wrong=%.3f",
          top1, top3, oodRejected, inDomainRejected, n, confidentTop1, menuRate, confidentWrong);
      if (!Double.isNaN(paraphraseTop1)) {
        s += String.format(Locale.ROOT, " paraphrase_top1=%.3f", paraphraseTop1);
      }
      return Double.isNaN(twoOffered) ? s : s + String.format(Locale.ROOT, " two_offered=%.3f", twoOffered);
    }

    /** The whole report, one line per entry, ending with {@link #summary()}. */
    public String text() {
      return String.join("\n", lines) + "\n";
    }
  }

  /** Parses JSONL lines accepting any topic id; blank lines are skipped. */
  public static List<Case> parse(List<String> jsonLines) {
    return parse(jsonLines, null);
  }

  /**
   * Parses JSONL lines; blank lines are skipped. A line that is not a JSON object, has no
   * {@code text}, has no {@code topic} key, or names a topic not in {@code known} (when not null)
   * is an error naming its line number: a broken line is never counted as a correct rejection.
   */
  public static List<Case> parse(List<String> jsonLines, Collection<String> known) {
    ObjectMapper mapper = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    int lineNo = 0;
    for (String line : jsonLines) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("line " + lineNo + ": not JSON: " + e.getOriginalMessage(), e);
      }
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("line " + lineNo + ": not a JSON object");
      }
      JsonNode text = node.get("text");
      if (text == null || !text.isTextual() || text.asText().isBlank()) {
        throw new IllegalArgumentException("line " + lineNo + ": no \"text\"");
      }
      if (!node.has("topic")) {
        throw new IllegalArgumentException("line " + lineNo + ": no \"topic\" (write null for a sentence with no topic)");
      }
      String topic = topicId(node.get("topic"), "topic", lineNo, known);
      String also = topicId(node.get("also"), "also", lineNo, known);
      JsonNode kind = node.get("kind");
      cases.add(new Case(text.asText(), topic, kind == null || kind.isNull() ? null : kind.asText(), also));
    }
    return cases;
  }

  private static String topicId(JsonNode value, String field, int lineNo, Collection<String> known) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("line " + lineNo + ": \"" + field + "\" must be a topic id or null");
    }
    String id = value.asText();
    if (known != null && !known.contains(id)) {
      throw new IllegalArgumentException("line " + lineNo + ": unknown topic id \"" + id + "\"");
    }
    return id;
  }

  /** Reads a JSONL file of cases, accepting any topic id. */
  public static List<Case> parseJsonl(Path file) {
    return parseJsonl(file, null);
  }

  /** Reads a JSONL file of cases whose topics must be in {@code known}. */
  public static List<Case> parseJsonl(Path file, Collection<String> known) {
    try {
      return parse(Files.readAllLines(file), known);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Runs every case through the matcher and builds the report. */
  public static Report run(TopicMatcher matcher, List<Case> cases) {
    int inDomain = 0;
    int ood = 0;
    int top1 = 0;
    int top3 = 0;
    int oodRejected = 0;
    int inDomainRejected = 0;
    int confidentRight = 0;
    int confidentWrong = 0;
    int menus = 0;
    int paraphrases = 0;
    int paraphraseRight = 0;
    int twos = 0;
    int twoBoth = 0;
    List<Miss> misses = new ArrayList<>();
    List<Miss> falseAccepts = new ArrayList<>();
    Map<String, Integer> pairs = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    for (Case c : cases) {
      Ranking r = matcher.rank(c.text());
      boolean none = r.verdict() == Ranking.Verdict.NONE || r.ranked().isEmpty();
      String best = none ? null : r.best();
      if (c.topic() == null) {
        ood++;
        if (none) {
          oodRejected++;
        } else {
          falseAccepts.add(new Miss(null, best, r.verdict(), c.text()));
        }
        continue;
      }
      inDomain++;
      if (c.also() != null) {
        twos++;
        List<String> offered = none ? List.of() : r.verdict() == Ranking.Verdict.CONFIDENT ? List.of(best)
            : r.top(3).stream().map(Scored::topicId).toList();
        twoBoth += offered.contains(c.topic()) && offered.contains(c.also()) ? 1 : 0;
      }
      boolean paraphrase = PARAPHRASE.equals(c.kind());
      paraphrases += paraphrase ? 1 : 0;
      confusion.computeIfAbsent(c.topic(), k -> new TreeMap<>()).merge(best == null ? "(none)" : best, 1, Integer::sum);
      if (none) {
        inDomainRejected++;
      } else {
        if (c.topic().equals(best)) {
          top1++;
          paraphraseRight += paraphrase ? 1 : 0;
        }
        if (r.top(3).stream().anyMatch(s -> s.topicId().equals(c.topic()))) {
          top3++;
        }
        if (r.verdict() == Ranking.Verdict.CONFIDENT) {
          if (c.topic().equals(best)) {
            confidentRight++;
          } else {
            confidentWrong++;
          }
        } else {
          menus++;
        }
      }
      if (!c.topic().equals(best)) {
        misses.add(new Miss(c.topic(), best, r.verdict(), c.text()));
        pairs.merge(c.topic() + " → " + (best == null ? "(none)" : best), 1, Integer::sum);
      }
    }

    List<String> lines = new ArrayList<>();
    Map<String, List<Miss>> byTopic = new TreeMap<>();
    for (Miss m : misses) {
      byTopic.computeIfAbsent(m.expected(), k -> new ArrayList<>()).add(m);
    }
    lines.add("# misses by topic (expected → got [verdict]: sentence)");
    for (Map.Entry<String, List<Miss>> e : byTopic.entrySet()) {
      lines.add(e.getKey() + " (" + e.getValue().size() + ")");
      for (Miss m : e.getValue()) {
        lines.add("  " + m.expected() + " → " + (m.got() == null ? "(none)" : m.got()) + " [" + m.verdict() + "]: "
            + m.text());
      }
    }
    if (!falseAccepts.isEmpty()) {
      lines.add("# out-of-domain sentences given a topic");
      for (Miss m : falseAccepts) {
        lines.add("  (none) → " + m.got() + " [" + m.verdict() + "]: " + m.text());
      }
    }
    lines.add("# confusion: worst pairs (expected → got: count)");
    pairs.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(15)
        .forEach(e -> lines.add("  " + e.getKey() + ": " + e.getValue()));
    List<Miss> all = new ArrayList<>(misses);
    all.addAll(falseAccepts);
    Report draft = new Report(
        ratio(top1, inDomain), ratio(top3, inDomain), ratio(oodRejected, ood), ratio(inDomainRejected, inDomain),
        cases.size(), ratio(confidentRight, inDomain), ratio(menus, inDomain), ratio(confidentWrong, inDomain),
        paraphrases == 0 ? Double.NaN : ratio(paraphraseRight, paraphrases),
        twos == 0 ? Double.NaN : ratio(twoBoth, twos), all, confusion, List.of());
    lines.add(draft.summary());
    return new Report(draft.top1(), draft.top3(), draft.oodRejected(), draft.inDomainRejected(), draft.n(),
        draft.confidentTop1(), draft.menuRate(), draft.confidentWrong(), draft.paraphraseTop1(), draft.twoOffered(), all,
        confusion, lines);
  }

  /**
   * One JSON line per case: its text and labels, the verdict, the ranking, and (for the lexical
   * matcher) every topic's raw score, the lexical path and verdict before the classifier, whether
   * the message names another product or office matter, and the classifier's probabilities.
   */
  public static List<String> rankings(TopicMatcher matcher, List<Case> cases) {
    ObjectMapper mapper = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (Case c : cases) {
      Ranking r = matcher.rank(c.text());
      var node = mapper.createObjectNode();
      node.put("text", c.text());
      node.put("topic", c.topic());
      node.put("kind", c.kind());
      node.put("also", c.also());
      node.put("verdict", r.verdict().name());
      var ranked = node.putArray("ranked");
      r.ranked().forEach(s -> ranked.addArray().add(s.topicId()).add(s.score()));
      if (matcher instanceof LexicalTopicMatcher lexical) {
        var before = lexical.lexical(c.text());
        var raw = node.putObject("raw");
        lexical.rawScores(before).forEach(raw::put);
        node.put("path", before.path().name());
        node.put("lexical", before.ranking().verdict().name());
        node.put("foreign", lexical.namesForeign(before.terms()));
        var p = node.putObject("p");
        lexical.classifierScores(c.text()).forEach(p::put);
      }
      out.add(node.toString());
    }
    return out;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0.0 : (double) a / b;
  }
}
