package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

  /** A matcher answering from a fixed table. */
  private static final TopicMatcher TABLE = text -> switch (text) {
    case "a" -> new Ranking(List.of(new Scored("alpha", 0.9), new Scored("beta", 0.2)), Ranking.Verdict.CONFIDENT);
    case "b?" -> new Ranking(List.of(new Scored("alpha", 0.4), new Scored("beta", 0.35), new Scored("gamma", 0.3)),
        Ranking.Verdict.AMBIGUOUS);
    case "c" -> new Ranking(List.of(new Scored("beta", 0.6)), Ranking.Verdict.CONFIDENT);
    default -> Ranking.none();
  };

  @Test
  void lastLineHasTheContractFormat() {
    Evaluation.Report report = Evaluation.run(TABLE, List.of(new Evaluation.Case("a", "alpha")));
    String[] lines = report.text().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(last.matches("top1=\\d\\.\\d{3} top3=\\d\\.\\d{3} ood_rejected=\\d\\.\\d{3} "
        + "in_domain_rejected=\\d\\.\\d{3} n=\\d+"), last);
    assertEquals("top1=1.000 top3=1.000 ood_rejected=0.000 in_domain_rejected=0.000 n=1", last);
  }

  @Test
  void emptyInputGivesZeros() {
    assertEquals("top1=0.000 top3=0.000 ood_rejected=0.000 in_domain_rejected=0.000 n=0",
        Evaluation.run(TABLE, List.of()).summary());
  }

  @Test
  void countsTheBestTopicEvenWhenAmbiguousAndTopThreeSeparately() {
    List<Evaluation.Case> cases = List.of(
        new Evaluation.Case("a", "alpha"),     // top1
        new Evaluation.Case("b?", "gamma"),    // top3 only, ambiguous
        new Evaluation.Case("b?", "alpha"),    // top1 though ambiguous
        new Evaluation.Case("zzz", "alpha"),   // rejected in domain
        new Evaluation.Case("zzz", null),      // out of domain rejected
        new Evaluation.Case("c", null));       // out of domain accepted
    Evaluation.Report r = Evaluation.run(TABLE, cases);
    assertEquals(0.5, r.top1(), 1e-9);
    assertEquals(0.75, r.top3(), 1e-9);
    assertEquals(0.25, r.inDomainRejected(), 1e-9);
    assertEquals(0.5, r.oodRejected(), 1e-9);
    assertEquals("top1=0.500 top3=0.750 ood_rejected=0.500 in_domain_rejected=0.250 n=6", r.summary());
  }

  @Test
  void listsMissesWithExpectedGotAndSentenceAndWorstPairs() {
    List<Evaluation.Case> cases = List.of(
        new Evaluation.Case("c", "alpha"), new Evaluation.Case("c", "alpha"), new Evaluation.Case("zzz", "gamma"));
    String text = Evaluation.run(TABLE, cases).text();
    assertTrue(text.contains("alpha → beta [CONFIDENT]: c"), text);
    assertTrue(text.contains("gamma → (none) [NONE]: zzz"), text);
    assertTrue(text.contains("alpha → beta: 2"), text);
    int pairs = text.indexOf("# confusion");
    assertTrue(pairs > 0 && text.indexOf("alpha → beta: 2") > pairs, text);
  }

  @Test
  void parsesJsonlWithNullTopicsAndBlankLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("set.jsonl");
    Files.writeString(file, "{\"text\": \"pw dimenticata\", \"topic\": \"recupero-password\"}\n\n"
        + "{\"text\": \"ciao\", \"topic\": null}\n{\"text\": \"senza etichetta\"}\n");
    List<Evaluation.Case> cases = Evaluation.parseJsonl(file);
    assertEquals(3, cases.size());
    assertEquals(new Evaluation.Case("pw dimenticata", "recupero-password"), cases.get(0));
    assertNull(cases.get(1).topic());
    assertNull(cases.get(2).topic());
  }

  @Test
  void rejectsMalformedLinesNamingTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Evaluation.parse(List.of("{\"text\": \"ok\", \"topic\": null}", "{not json")));
    assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
  }

  @Test
  void runsOnTheRealMatcher() {
    Evaluation.Report r = Evaluation.run(Fixture.matcher(), List.of(
        new Evaluation.Case("cli nn ricorda la pw", "recupero-password"),
        new Evaluation.Case("come si attiva lo spid", null)));
    assertEquals("top1=1.000 top3=1.000 ood_rejected=1.000 in_domain_rejected=0.000 n=2", r.summary());
  }
}
