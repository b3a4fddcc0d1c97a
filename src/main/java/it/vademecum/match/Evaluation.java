package it.vademecum.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures a {@link TopicMatcher} on labelled sentences ({@code {"text": "...", "topic": "<id>" | null}}
 * per line). Pure: no I/O besides {@link #parseJsonl(Path)}.
 */
public final class Evaluation {

  private Evaluation() {}

  /** One labelled sentence; {@code topic} is null for out-of-domain text. */
  public record Case(String text, String topic) {}

  /** One sentence the matcher got wrong. {@code got} is null when it answered "no topic". */
  public record Miss(String expected, String got, Ranking.Verdict verdict, String text) {}

  /** The figures and the misses; {@link #text()} is the printable report. */
  public record Report(double top1, double top3, double oodRejected, double inDomainRejected, int n,
      List<Miss> misses, List<String> lines) {

    public Report {
      misses = List.copyOf(misses);
      lines = List.copyOf(lines);
    }

    /** The last line of the report: {@code top1=0.000 top3=0.000 ood_rejected=0.000 in_domain_rejected=0.000 n=0}. */
    public String summary() {
      return String.format(Locale.ROOT, "top1=%.3f top3=%.3f ood_rejected=%.3f in_domain_rejected=%.3f n=%d",
          top1, top3, oodRejected, inDomainRejected, n);
    }

    /** The whole report, one line per entry, ending with {@link #summary()}. */
    public String text() {
      return String.join("\n", lines) + "\n";
    }
  }

  /** Parses JSONL lines; blank lines are skipped. */
  public static List<Case> parse(List<String> jsonLines) {
    ObjectMapper mapper = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    int lineNo = 0;
    for (String line : jsonLines) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = mapper.readTree(line);
        JsonNode topic = node.get("topic");
        cases.add(new Case(node.path("text").asText(""),
            topic == null || topic.isNull() ? null : topic.asText()));
      } catch (IOException e) {
        throw new IllegalArgumentException("line " + lineNo + ": not a JSON object: " + e.getMessage(), e);
      }
    }
    return cases;
  }

  /** Reads a JSONL file of cases. */
  public static List<Case> parseJsonl(Path file) {
    try {
      return parse(Files.readAllLines(file));
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
    List<Miss> misses = new ArrayList<>();
    List<Miss> falseAccepts = new ArrayList<>();
    Map<String, Integer> pairs = new LinkedHashMap<>();
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
      if (none) {
        inDomainRejected++;
      } else {
        if (c.topic().equals(best)) {
          top1++;
        }
        if (r.top(3).stream().anyMatch(s -> s.topicId().equals(c.topic()))) {
          top3++;
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
    Report draft = new Report(
        ratio(top1, inDomain), ratio(top3, inDomain), ratio(oodRejected, ood), ratio(inDomainRejected, inDomain),
        cases.size(), misses, List.of());
    lines.add(draft.summary());
    List<Miss> all = new ArrayList<>(misses);
    all.addAll(falseAccepts);
    return new Report(draft.top1(), draft.top3(), draft.oodRejected(), draft.inDomainRejected(), draft.n(), all, lines);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0.0 : (double) a / b;
  }
}
