package it.vademecum.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** `java … it.vademecum.cli.Main ARGS` in a child JVM, in a folder and environment of the test's choosing. */
final class ChildJvm {

  /** Exit code, standard output and standard error of a finished child. */
  record Result(int exit, String out, String err) {

    /** The non-blank lines of standard error. */
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private ChildJvm() {}

  /**
   * A process builder for the command line in {@code dir}, with the parent's environment minus the
   * Vademecum settings (so a developer's own DIALOGS_DIR or app id never leaks in), plus {@code env}.
   */
  static ProcessBuilder builder(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "it.vademecum.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    for (String name : List.of("MicrosoftAppId", "DIALOGS_DIR", "DATA_DIR", "PORT", "LOG_LEVEL", "SUPERVISORS")) {
      pb.environment().remove(name);
    }
    pb.environment().putAll(env);
    return pb;
  }

  /** Runs to the end with {@code stdin} as its whole input. */
  static Result run(Path dir, Map<String, String> env, String stdin, String... args) throws Exception {
    Path out = Files.createTempFile("child", ".out");
    Path err = Files.createTempFile("child", ".err");
    try {
      Process p = builder(dir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The child stopped reading before the end of its input: what it printed says why.
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the child did not finish: " + String.join(" ", args));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The real dialogs folder of the repository, absolute. */
  static Path dialogs() {
    return Path.of(System.getProperty("vademecum.dialogs", "dialogs")).toAbsolutePath().normalize();
  }
}
