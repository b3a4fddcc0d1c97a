package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationDocumentTest {

  private static final TopicMatcher TABLE = text -> switch (text) {
    case "a" -> new Ranking(List.of(new Scored("alpha", 0.9)), Ranking.Verdict.CONFIDENT);
    case "c" -> new Ranking(List.of(new Scored("beta", 0.6)), Ranking.Verdict.CONFIDENT);
    default -> Ranking.none();
  };

  private static final Evaluation.Report REPORT = Evaluation.run(TABLE, List.of(
      new Evaluation.Case("a", "alpha"), new Evaluation.Case("c", "alpha"), new Evaluation.Case("x <b>", "beta"),
      new Evaluation.Case("c", null)));

  @Test
  void markdownHasTheFiguresAConfusionMatrixAndEveryMiss() {
    String md = EvaluationDocument.render(REPORT, "set.jsonl", "out.md");
    assertTrue(md.contains("`" + REPORT.summary() + "`"), md);
    assertTrue(md.contains("| expected \\ got | alpha | beta | (none) |"), md);
    assertTrue(md.contains("| alpha | 1 | **1** |  |"), md);
    assertTrue(md.contains("| beta |  |  | **1** |"), md);
    assertTrue(md.contains("- alpha → beta [CONFIDENT]: c"), md);
    assertTrue(md.contains("- (no topic) → beta [CONFIDENT]: c"), md);
  }

  @Test
  void htmlEscapesSentencesAndMarksWrongCells() {
    String html = EvaluationDocument.render(REPORT, "set.jsonl", "out.html");
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("x &lt;b&gt;") && !html.contains("x <b>"), html);
    assertTrue(html.contains("<td class=\"ok\">1</td><td class=\"bad\">1</td>"), html);
  }
}
