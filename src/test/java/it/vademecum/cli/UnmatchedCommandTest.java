package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.usage.Search;
import it.vademecum.usage.Search.Verdict;
import it.vademecum.privacy.Redactor;
import it.vademecum.usage.H2UsageLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UnmatchedCommandTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StandardStreams console = new StandardStreams();

  String out() {
    return console.out();
  }

  String err() {
    return console.err();
  }

  void seed() {
    Search none = Search.none();
    Search ambiguous = new Search(Verdict.AMBIGUOUS, "rimborso", 0.5);
    try (H2UsageLog log = H2UsageLog.open(dir, Redactor.defaults(), Clock.systemUTC(), true)) {
      log.recordSearch("a1", "attivazione spid", none);
      log.recordSearch("a2", "attivazione SPID", none);
      log.recordSearch("a2", "attivazione spid", ambiguous);
      log.recordSearch("a3", "rimborso o disdetta? cell 3351234567", ambiguous);
      log.recordSearch("a3", "password webmail", new Search(Verdict.CONFIDENT, "password", 0.9));
    }
  }

  @Test
  void printsUnmatchedSentencesMostFrequentFirstWithCountsAndVerdict() {
    seed();
    assertEquals(0, Main.run("unmatched", "--data", dir.toString(), "--since", "7d"), err());
    String[] lines = out().split("\n");
    assertTrue(lines[0].startsWith("Sentences without a topic or with a choice among three, since "), out());
    assertTrue(lines[2].matches("\\s+3  \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d  no topic 2, choice 1\\s+attivazione spid"),
        lines[2]);
    assertTrue(lines[3].matches("\\s+1  .*choice among three\\s+rimborso o disdetta\\? cell \\[telefono\\]"), lines[3]);
    assertEquals(4, lines.length, out());
  }

  @Test
  void saysSoWhenNothingIsUnmatchedInThePeriod() {
    seed();
    assertEquals(0, Main.run("unmatched", "--data", dir.toString(), "--since", "2099-01-01"), err());
    assertTrue(out().startsWith("No sentence without a topic or with a choice since 01/01/2099"), out());
  }

  @Test
  void explainsWhenTheDatabaseDoesNotExistYet() {
    assertEquals(1, Main.run("unmatched", "--data", dir.resolve("vuota").toString()));
    assertTrue(err().contains("No usage data in"), err());
    assertTrue(err().contains("the database is created when the bot"), err());
    assertTrue(!H2UsageLog.exists(dir.resolve("vuota")), "the command must not create the database");
  }

  @Test
  void explainsWhenSinceIsMalformed() {
    seed();
    assertEquals(2, Main.run("unmatched", "--data", dir.toString(), "--since", "ieri l'altro"));
    assertTrue(err().contains("non è un periodo valido"), err());
    assertTrue(err().contains("2026-11-01"), err());
  }
}
