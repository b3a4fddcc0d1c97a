package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        + "in_domain_rejected=\\d\\.\\d{3} n=\\d+( [a-z_0-9]+=\\d\\.\\d{3})*"), last);
    assertEquals("top1=1.000 top3=1.000 ood_rejected=0.000 in_domain_rejected=0.000 n=1 confident_top1=1.000"
        + " menu_rate=0.000 confident_wrong=0.000", last);
  }

  @Test
  void emptyInputGivesZeros() {
    assertEquals("top1=0.000 top3=0.000 ood_rejected=0.000 in_domain_rejected=0.000 n=0 confident_top1=0.000"
        + " menu_rate=0.000 confident_wrong=0.000", Evaluation.run(TABLE, List.of()).summary());
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
    assertTrue(r.summary().startsWith("top1=0.500 top3=0.750 ood_rejected=0.500 in_domain_rejected=0.250 n=6 "),
        r.summary());
    assertEquals(0.25, r.confidentTop1(), 1e-9);
    assertEquals(0.5, r.menuRate(), 1e-9);
    assertEquals(0.0, r.confidentWrong(), 1e-9);
  }

  @Test
  void separatesConfidentWrongTopicsAndParaphrasesFromMenus() {
    Evaluation.Report r = Evaluation.run(TABLE, List.of(
        new Evaluation.Case("c", "alpha", "paraphrase", null),   // confident, wrong
        new Evaluation.Case("a", "alpha", "paraphrase", null),   // confident, right
        new Evaluation.Case("b?", "alpha", "plain", null),       // menu, right
        new Evaluation.Case("b?", "alpha", "two", "gamma"),      // menu offering both
        new Evaluation.Case("a", "alpha", "two", "beta")));      // started alpha only
    assertEquals(1.0 / 5, r.confidentWrong(), 1e-9);
    assertEquals(2.0 / 5, r.confidentTop1(), 1e-9);
    assertEquals(2.0 / 5, r.menuRate(), 1e-9);
    assertEquals(0.5, r.paraphraseTop1(), 1e-9);
    assertEquals(0.5, r.twoOffered(), 1e-9);
    assertTrue(r.summary().endsWith(" confident_wrong=0.200 paraphrase_top1=0.500 two_offered=0.500"), r.summary());
    assertEquals(Map.of("alpha", 4, "beta", 1), r.confusion().get("alpha"));
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
        + "{\"text\": \"ciao\", \"topic\": null}\n"
        + "{\"text\": \"pw e fattura\", \"topic\": \"recupero-password\", \"kind\": \"two\", \"also\": \"fatture\"}\n");
    List<Evaluation.Case> cases = Evaluation.parseJsonl(file, Set.of("recupero-password", "fatture"));
    assertEquals(3, cases.size());
    assertEquals(new Evaluation.Case("pw dimenticata", "recupero-password"), cases.get(0));
    assertNull(cases.get(1).topic());
    assertEquals(new Evaluation.Case("pw e fattura", "recupero-password", "two", "fatture"), cases.get(2));
  }

  @Test
  void aLineWithoutTextOrTopicOrWithAnUnknownTopicIsAnErrorNamingItsLine() {
    Set<String> known = Set.of("fatture");
    String ok = "{\"text\": \"ok\", \"topic\": null}";
    assertLine(3, "no \"text\"", () -> Evaluation.parse(List.of(ok, "", "{\"topic\": \"fatture\"}"), known));
    assertLine(2, "no \"topic\"", () -> Evaluation.parse(List.of(ok, "{\"text\": \"senza etichetta\"}"), known));
    assertLine(2, "unknown topic id \"fatturaa\"",
        () -> Evaluation.parse(List.of(ok, "{\"text\": \"x\", \"topic\": \"fatturaa\"}"), known));
    assertLine(1, "unknown topic id \"boh\"",
        () -> Evaluation.parse(List.of("{\"text\": \"x\", \"topic\": \"fatture\", \"also\": \"boh\"}"), known));
    assertLine(1, "not a JSON object", () -> Evaluation.parse(List.of("[1, 2]"), known));
  }

  private static void assertLine(int line, String what, org.junit.jupiter.api.function.Executable parse) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parse);
    assertTrue(e.getMessage().startsWith("line " + line + ": ") && e.getMessage().contains(what), e.getMessage());
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
    assertTrue(r.summary().startsWith("top1=1.000 top3=1.000 ood_rejected=1.000 in_domain_rejected=0.000 n=2 "),
        r.summary());
  }
}
