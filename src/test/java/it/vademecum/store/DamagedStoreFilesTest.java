package it.vademecum.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.escalation.H2Outbox;
import it.vademecum.privacy.Redactor;
import it.vademecum.shift.BreakReminders;
import it.vademecum.shift.ManualTimer;
import it.vademecum.shift.RecordingNotifier;
import it.vademecum.usage.H2UsageLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing store file that is empty, corrupt or truncated stops its store from opening, with a
 * message naming the file and what to do; the file is left exactly as it was. A new store is
 * created 600 in a 700 folder.
 */
class DamagedStoreFilesTest {

  @TempDir
  Path dir;

  /** The three stores of DATA_DIR, each opened (and closed) on a folder. */
  private static final List<Store> STORES = List.of(
      new Store("escalations", d -> H2Outbox.open(d, Redactor.defaults(), Clock.systemUTC()).close()),
      new Store("usage", d -> H2UsageLog.open(d, Redactor.defaults(), Clock.systemUTC(), true).close()),
      new Store("shift", d -> BreakReminders.open(d, Clock.systemUTC(), new ManualTimer(Clock.systemUTC()), new RecordingNotifier())
          .close()));

  private record Store(String name, Consumer<Path> open) {}

  private void assertRefused(Store store, byte[] content, String problem) throws Exception {
    Path data = Files.createDirectories(dir.resolve(store.name() + "-" + problem.replace(' ', '-')));
    Path file = data.resolve(store.name() + ".mv.db");
    Files.write(file, content);
    DamagedStoreException e = assertThrows(DamagedStoreException.class, () -> store.open().accept(data));
    assertEquals(file.toAbsolutePath(), e.file());
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().contains("backup") && e.getMessage().contains("move it away"), e.getMessage());
    assertArrayEquals(content, Files.readAllBytes(file), "the file is left as it was");
  }

  @Test
  void anEmptyStoreFileIsRefusedNotReplaced() throws Exception {
    for (Store s : STORES) {
      assertRefused(s, new byte[0], "empty");
    }
  }

  @Test
  void aCorruptStoreFileIsRefused() throws Exception {
    for (Store s : STORES) {
      assertRefused(s, "non sono un database ".repeat(400).getBytes(StandardCharsets.UTF_8), "damaged");
    }
  }

  @Test
  void aTruncatedStoreFileIsRefusedInsteadOfOpeningAnOlderVersion() throws Exception {
    // A real outbox with many rows, closed cleanly, then cut in half (a copy that did not finish).
    Path data = Files.createDirectories(dir.resolve("full"));
    H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC()).close();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("escalations"), "sa", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE filler (id INT PRIMARY KEY, s VARCHAR(2000))");
      for (int i = 0; i < 3000; i++) {
        st.execute("INSERT INTO filler VALUES (" + i + ", '" + "x".repeat(500) + "')");
      }
    }
    byte[] full = Files.readAllBytes(data.resolve("escalations.mv.db"));
    assertRefused(STORES.get(0), Arrays.copyOf(full, full.length / 2), "truncated");
  }

  @Test
  void aStoreClosedCleanlyOpensAgain() throws Exception {
    for (Store s : STORES) {
      s.open().accept(dir);
      s.open().accept(dir);
    }
  }

  @Test
  void aStoreInAReadOnlyFolderDoesNotOpenAsIfItWorked() throws Exception {
    // Root writes anyway: the check only shows as another user (CI runs as root, developers do not).
    org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")));
    for (Store s : STORES) {
      s.open().accept(dir);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    try {
      for (Store s : STORES) {
        Files.setPosixFilePermissions(dir.resolve(s.name() + ".mv.db"), PosixFilePermissions.fromString("r--------"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> s.open().accept(dir), s.name());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
      }
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void newStoresAreReadableByTheOwnerOnly() throws Exception {
    Path data = dir.resolve("new").resolve("data");
    for (Store s : STORES) {
      s.open().accept(data);
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(data.resolve(s.name() + ".mv.db"))), s.name());
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.getParent())));
  }

  @Test
  void anExistingStoreFileIsTightenedTo600() throws Exception {
    STORES.get(1).open().accept(dir);
    Path file = dir.resolve("usage.mv.db");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    STORES.get(1).open().accept(dir);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
