package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;

/** What a newcomer meets in the first hour: the command list, a wrong folder, a busy port, leaving the chat. */
class FirstHourTest {

  @TempDir
  Path elsewhere;

  private record Output(int exit, String out, String err) {}

  private static Output run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Output(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "help", "--help"})
  void noArgumentsHelpAndDashDashHelpListEveryCommandOnOneLineEach(String arg) {
    Output o = arg.isEmpty() ? run() : run(arg);
    assertEquals(0, o.exit(), o.err());
    List<String> section = o.out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
        .takeWhile(l -> !l.isBlank()).toList();
    List<String> listed = section.stream().map(l -> l.strip().split("\\s+")[0]).toList();
    List<String> expected = Stream.concat(Stream.of("help"), Main.COMMANDS.stream()
        .map(c -> c.getAnnotation(Command.class)).filter(c -> !c.hidden()).map(Command::name)).toList();
    assertEquals(expected, listed, o.out());
    assertTrue(section.stream().allMatch(l -> l.matches("  [a-z-]+ +\\S.*")), "one line each:\n" + o.out());
    assertTrue(o.out().contains("COMMAND --help"), o.out());
  }

  @Test
  void optionsSayWhatTheyMeanAndTheirDefaults() {
    String backup = run("backup", "--help").out();
    assertTrue(backup.contains("--to=DIR"), backup);
    String eval = run("eval", "--help").out();
    assertTrue(eval.lines().anyMatch(l -> l.strip().startsWith("FILE.jsonl ") && l.contains("one JSON object a line")),
        eval);
  }

  @Test
  void picocliErrorsAndTheApplicationsAreInEnglish() {
    Output unknown = run("serve", "--no-such-option");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("Unknown option: '--no-such-option'"), unknown.err());
    Output lintBoth = run("lint", "dialogs", "--dialogs", "elsewhere");
    assertEquals(2, lintBoth.exit());
  }

  @Test
  void lintTakesTheFolderAsItsArgumentOrAsDashDashDialogs() {
    String dir = ChildJvm.dialogs().toString();
    assertEquals(0, Main.run("lint", dir));
    assertEquals(0, Main.run("lint", "--dialogs", dir));
    assertEquals(1, Main.run("lint", "--dialogs", elsewhere.toString()), "an empty folder has no topics");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "chat"})
  void startedFromAnotherFolderItSaysWhereItLookedCreatesNothingAndExits1(String command) throws Exception {
    ChildJvm.Result r = ChildJvm.run(elsewhere, Map.of("PORT", "0"), "", command);
    assertEquals(1, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), "one line:\n" + r.err());
    String line = r.errLines().get(0);
    assertTrue(line.contains(elsewhere.toRealPath().resolve("dialogs").toString())
        || line.contains(elsewhere.toAbsolutePath().resolve("dialogs").toString()), line);
    assertTrue(line.contains("DIALOGS_DIR"), line);
    try (Stream<Path> created = Files.list(elsewhere)) {
      assertEquals(List.of(), created.toList(), "nothing created, no data/usage.mv.db");
    }
  }

  @Test
  void aBusyPortIsOneLineAndCreatesNoStore() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path data = elsewhere.resolve("data");
      ChildJvm.Result r = ChildJvm.run(elsewhere, Map.of("PORT", String.valueOf(busy.getLocalPort()),
          "DIALOGS_DIR", ChildJvm.dialogs().toString(), "DATA_DIR", data.toString()), "", "serve");
      assertEquals(1, r.exit(), r.err());
      assertEquals(1, r.errLines().size(), "one line:\n" + r.err());
      assertTrue(r.errLines().get(0).contains("Port " + busy.getLocalPort()) && r.err().contains("already in use"),
          r.err());
      assertFalse(Files.exists(data), "no store before the port is ours");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"esci", "exit", "quit", "ESCI"})
  void thePipedChatEndsAtALeaveWord(String word) throws Exception {
    ChildJvm.Result r = chat("aiuto\n" + word + "\nbonifico di 600 euro non registrato\n");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains(ChatCommand.HOW_TO_LEAVE), "aiuto says how to leave:\n" + r.out());
    assertFalse(r.out().contains("PASSO:"), "nothing after the leave word is answered:\n" + r.out());
  }

  @Test
  void theChatConsoleHoldsTheConversationOnly() throws Exception {
    ChildJvm.Result r = chat("bonifico di 600 euro fatto ieri non registrato\n");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("CODA:  pagamenti_billing_aruba"), r.out());
    assertEquals(List.of(), r.errLines(), "no log lines (the stores opening) around the conversation");
  }

  @Test
  void aWrongDashDashAtIsOneLineAndOpensNoStore() throws Exception {
    Path data = elsewhere.resolve("data");
    ChildJvm.Result r = ChildJvm.run(elsewhere, Map.of("DIALOGS_DIR", ChildJvm.dialogs().toString(),
        "DATA_DIR", data.toString()), "", "chat", "--at", "2026-12-05");
    assertEquals(2, r.exit(), r.err());
    assertEquals(List.of("--at wants a date and time such as 2026-12-05T10:15, not '2026-12-05'."), r.errLines());
    assertFalse(Files.exists(data), "no store for a chat that does not start");
  }

  @Test
  void aChatEndedAtOnceLeavesNoWarningFromTheStores() throws Exception {
    for (int i = 0; i < 3; i++) {
      ChildJvm.Result r = chat("");
      assertEquals(0, r.exit(), r.err());
      assertEquals(List.of(), r.errLines(), "run " + i);
    }
  }

  @Test
  void theInteractiveChatSaysHowToLeaveInItsWelcomeAndLeavesOnEsci() throws Exception {
    // A terminal for the chat: util-linux's script runs it on a pseudo-terminal.
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "needs /usr/bin/script (util-linux) for a terminal");
    String commandLine = String.join(" ", ChildJvm.builder(elsewhere, Map.of(), "chat").command().stream()
        .map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
    ProcessBuilder pb = new ProcessBuilder(script.toString(), "-qec", commandLine, "/dev/null").directory(elsewhere.toFile())
        .redirectErrorStream(true);
    pb.environment().put("DIALOGS_DIR", ChildJvm.dialogs().toString());
    pb.environment().put("DATA_DIR", elsewhere.resolve("data").toString());
    pb.environment().remove("LOG_LEVEL");
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      in.write("esci\n".getBytes(StandardCharsets.UTF_8));
    }
    String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), screen);
    assertTrue(screen.contains("Sono Vademecum") && screen.contains(ChatCommand.HOW_TO_LEAVE), screen);
    assertFalse(screen.contains(" INFO "), "no log lines on the chat's screen:\n" + screen);
  }

  private ChildJvm.Result chat(String input) throws Exception {
    return ChildJvm.run(elsewhere, Map.of("DIALOGS_DIR", ChildJvm.dialogs().toString(),
        "DATA_DIR", elsewhere.resolve("data").toString()), input, "chat");
  }
}
