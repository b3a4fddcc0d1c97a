package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.config.InvalidSettingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Only a setting's own error is reported as an invalid setting; any other exception stays a bug. */
class InvalidSettingReportTest {

  @Command(name = "bad-setting")
  static final class BadSetting implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new InvalidSettingException("PORT", "PORT must be a port number (0-65535), not 'http'");
    }
  }

  @Command(name = "bug")
  static final class Bug implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalArgumentException("an index out of its range, deep inside");
    }
  }

  private static int run(StringWriter err, String command) {
    return Main.execute(new Main(), List.of(BadSetting.class, Bug.class), new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), command);
  }

  @Test
  void aBadSettingIsReportedByNameWithExitCode2() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "bad-setting"));
    assertEquals("Invalid setting: PORT must be a port number (0-65535), not 'http'", err.toString().strip());
  }

  @Test
  void anyOtherIllegalArgumentIsNotCalledAnInvalidSetting() {
    StringWriter err = new StringWriter();
    int exit = run(err, "bug");
    assertNotEquals(2, exit, "exit 2 is for usage and settings");
    assertFalse(err.toString().contains("Invalid setting"), err.toString());
    assertTrue(err.toString().contains("IllegalArgumentException: an index out of its range, deep inside"),
        "shown as the bug it is: " + err);
  }
}
