package it.vademecum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end on a tiny load: both bots answer every turn, the last line parses. */
class BenchSmokeTest {

  private static final Pattern LAST = Pattern.compile("turns_per_s=([0-9.]+) p99_ms=([0-9.]+) echo_p99_ms=([0-9.]+) "
      + "p99_ratio=([0-9.]+) session_bytes=(\\d+) ready_ms=(\\d+) match_p99_us=([0-9.]+) errors=(\\d+)");

  @Test
  void aShortRunWithTwoAgentsHasNoErrorsAndEndsWithTheFiguresLine(@TempDir Path data) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchOptions options = new BenchOptions(2, 2, 1, 1, 0, true, null,
        Path.of(System.getProperty("vademecum.dialogs", "dialogs")), data, 300, 1, 1, 0, 0, 1, 0);
    long errors = new Bench(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    List<String> lines = out.lines().toList();
    Matcher m = LAST.matcher(lines.get(lines.size() - 1));
    assertTrue(m.matches(), out);
    assertEquals(0, errors, out);
    assertEquals("0", m.group(8));
    Matcher calls = Pattern.compile("connector: (\\d+) calls").matcher(out);
    assertTrue(calls.find() && Long.parseLong(calls.group(1)) > 0, "the agents reached the bots: " + out);
    assertTrue(out.contains("0 errors, 0 lost replies"), out);
    Matcher perTurn = Pattern.compile("vademecum: .*, ([0-9.]+) messages/turn, ([0-9.]+) card updates/turn, "
        + "([0-9.]+) cards settled in invoke responses/turn").matcher(out);
    assertTrue(perTurn.find(), out);
    assertEquals("1.00", perTurn.group(1), "one message per turn: " + out);
    assertTrue(Double.parseDouble(perTurn.group(3)) > 0, "clicked choices are settled by the invoke response: " + out);
    assertEquals("0.00", perTurn.group(2), "with no second connector call: " + out);
    Matcher inputs = Pattern.compile("inputs: ([0-9.]+)% typed, ([0-9.]+)% Action.Submit, ([0-9.]+)% Action.Execute")
        .matcher(out);
    assertTrue(inputs.find() && Double.parseDouble(inputs.group(3)) > 0, "choices are clicked as Action.Execute: " + out);
  }
}
