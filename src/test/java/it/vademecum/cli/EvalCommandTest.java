package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: eval tells the truth about broken lines and writes a report a knowledge editor reads. */
class EvalCommandTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StandardStreams console = new StandardStreams();

  @Test
  void anUnknownTopicIsAnErrorNamingItsLineNotACorrectRejection() throws Exception {
    Path set = dir.resolve("set.jsonl");
    Files.writeString(set, "{\"text\": \"pw dimenticata\", \"topic\": \"recupero-password\"}\n"
        + "{\"text\": \"fattura\", \"topic\": \"fattura-non-arrivata\"}\n");
    assertEquals(1, Main.run("eval", set.toString(), "--dialogs", "dialogs"));
    String e = console.err();
    assertTrue(e.contains("line 2: unknown topic id \"fattura-non-arrivata\""), e);
    assertEquals("", console.out());
  }

  @Test
  void writesAMarkdownReportWithTheConfusionMatrixAndTheSameLastLine() throws Exception {
    Path set = dir.resolve("set.jsonl");
    Files.writeString(set, "{\"text\": \"cli nn ricorda la pw della webmail\", \"topic\": \"recupero-password\"}\n"
        + "{\"text\": \"domani sciopero dei treni?\", \"topic\": null}\n");
    Path report = dir.resolve("out/report.md");
    assertEquals(0, Main.run("eval", set.toString(), "--dialogs", "dialogs", "--report", report.toString()));
    String[] lines = console.out().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(last.startsWith("top1=1.000 top3=1.000 ood_rejected=1.000 in_domain_rejected=0.000 n=2 "), last);
    String md = Files.readString(report);
    assertTrue(md.contains("`" + last + "`") && md.contains("| recupero-password | 1 |"), md);
  }
}
