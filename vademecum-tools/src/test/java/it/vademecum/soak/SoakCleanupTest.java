package it.vademecum.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The soak's outbox folder (under /dev/shm by default) is gone once the soak ends, whatever its outcome. */
class SoakCleanupTest {

  private static long entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void theSoakFolderIsRemovedAfterARun() throws Exception {
    Path parent = Files.createTempDirectory("soak-parent");
    try {
      new CommandLine(new SoakCommand()).execute("--count", "0", "--data", parent.toString());
      assertEquals(0, entries(parent), "nothing left in " + parent);
    } finally {
      Files.deleteIfExists(parent);
    }
  }

  @Test
  void theSoakFolderIsRemovedWhenTheRunFails(@TempDir Path tmp) throws Exception {
    // The kill is due once twice the escalations are in the channel: never, so the worker ends
    // first, and the soak fails.
    Path parent = tmp.resolve("parent");
    int code = new CommandLine(new SoakCommand()).execute("--count", "3", "--kill-at", "2", "--failure-rate", "0",
        "--data", parent.toString());
    assertEquals(1, code);
    assertEquals(0, entries(parent), "nothing left after the failure");
  }
}
