package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.privacy.Redactor;
import it.vademecum.shift.DialogsCopy;
import it.vademecum.usage.H2UsageLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SuggestionsCommandTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StandardStreams console = new StandardStreams();

  private long seed(Path data) {
    try (H2UsageLog log = H2UsageLog.open(data, Redactor.defaults(), Clock.systemUTC(), true)) {
      log.recordSuggestion("aad-anna", "fatture", "dove sta la ft del mese scorso");
      log.recordSuggestion("aad-luca", "fatture", "Dove sta la ft del mese  scorso");
      return log.openSuggestions(5).get(0).id();
    }
  }

  @Test
  void listsThenAcceptsIntoTheTopicFileAndNeverListsItAgain() throws Exception {
    Path data = dir.resolve("data");
    Path dialogs = DialogsCopy.into(dir.resolve("dialogs"));
    long id = seed(data);
    String d = dialogs.toString();
    assertEquals(0, Main.run("suggerimenti", "--data", data.toString(), "--dialogs", d));
    String listed = console.out();
    assertTrue(listed.contains("(fatture):") && listed.contains("n. " + id) && listed.contains("2×  Dove sta la ft del mese scorso"),
        listed);

    assertEquals(0, Main.run("suggerimenti", "--accept", String.valueOf(id), "--by", "editor.kb", "--data",
        data.toString(), "--dialogs", d));
    String file = Files.readString(dialogs.resolve("fatture.json"));
    assertTrue(file.contains("\"owner\": \"editor.kb\""), file);
    assertEquals(0, Main.run("lint", d), "the edited dialogs stay clean");

    console.out.reset();
    assertEquals(0, Main.run("suggerimenti", "--data", data.toString(), "--dialogs", d));
    assertTrue(console.out().contains("Nessun suggerimento da valutare."));
    assertEquals(1, Main.run("suggerimenti", "--reject", String.valueOf(id), "--data", data.toString(), "--dialogs", d));
    assertTrue(console.err().contains("è già stato deciso"), console.err());
  }
}
