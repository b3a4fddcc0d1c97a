package it.vademecum.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The tools jar's command line: its own commands, their options with their defaults. */
class ToolsTest {

  private record Output(int exit, String out, String err) {}

  private static Output run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Tools.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Output(exit, out.toString(), err.toString());
  }

  @Test
  void helpListsTheToolsAndNoProductCommand() {
    Output o = run("--help");
    assertEquals(0, o.exit(), o.err());
    List<String> listed = o.out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
        .takeWhile(l -> !l.isBlank()).map(l -> l.strip().split("\\s+")[0]).toList();
    List<String> expected = Stream.concat(Stream.of("help"), Tools.COMMANDS.stream()
        .map(c -> c.getAnnotation(Command.class)).filter(c -> !c.hidden()).map(Command::name)).toList();
    assertEquals(expected, listed, o.out());
    assertEquals(List.of("help", "bench", "fuzz", "flood", "soak"), listed);
  }

  @Test
  void soakOptionsSayWhatTheyMeanAndTheirDefaults() {
    String soak = run("soak", "--help").out();
    assertTrue(soak.contains("--failure-rate=SHARE") && soak.contains("(default: 0.30)"), soak);
    assertTrue(soak.contains("--kill-at=SHARE") && soak.contains("(default: 0.4)"), soak);
    assertTrue(soak.contains("--seed=N") && soak.contains("(default: 20261201)"), soak);
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Output o = run("serve");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("Unmatched argument"), o.err());
  }
}
