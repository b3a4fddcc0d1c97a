package it.vademecum.match;

import java.nio.file.Path;
import java.util.List;

/**
 * Measuring aid, not a test: runs {@link Evaluation} on a JSONL file against the topic files in
 * {@code vademecum.dialogs} and prints the report (the matcher figures: the tools jar's bench command).
 * Usage: {@code java -cp ... it.vademecum.match.DevEval FILE.jsonl}
 */
final class DevEval {

  private DevEval() {}

  public static void main(String[] args) {
    List<TopicText> topics = DialogTopics.load();
    Lexicon lexicon = DialogTopics.lexicon();
    LexicalTopicMatcher m = LexicalTopicMatcher.build(topics, lexicon);
    List<Evaluation.Case> cases = Evaluation.parseJsonl(Path.of(args[0]));
    System.out.print(Evaluation.run(m, cases).text());
    if (args.length > 1 && args[1].equals("explain")) {
      for (Evaluation.Case c : cases) {
        Ranking r = m.rank(c.text());
        boolean ok = c.topic() == null ? r.verdict() == Ranking.Verdict.NONE : c.topic().equals(r.best());
        if (!ok || args.length > 2) {
          System.out.println((ok ? "ok   " : "MISS ") + c.topic() + " | " + r.verdict() + " " + r.top(3) + "\n     "
              + c.text() + "\n     [" + m.explain(c.text()) + "]");
        }
      }
    }
  }
}
