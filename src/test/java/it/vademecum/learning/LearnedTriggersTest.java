package it.vademecum.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.vademecum.shift.DialogsCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnedTriggersTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  @TempDir
  Path tmp;

  @Test
  void theFirstLearnedSentenceOpensAnArrayAfterTheTriggersAndLeavesTheRestAsItWas() throws Exception {
    Path dialogs = DialogsCopy.into(tmp.resolve("dialogs"));
    String before = Files.readString(dialogs.resolve("fatture.json"));
    LearnedTriggers.Outcome o = new LearnedTriggers(dialogs).add("fatture", "dove sta la ft di novembre", "sara", DAY,
        "Suggerimento n. 3");
    assertTrue(o.added() && o.ok(), o.toString());
    String after = Files.readString(dialogs.resolve("fatture.json"));
    int end = before.indexOf("]", before.indexOf("\"triggers\"")) + 1;
    String added = ",\n  \"learned\": [\n    {\"text\": \"dove sta la ft di novembre\", \"local\": {\"owner\": \"sara\", "
        + "\"since\": \"2026-12-01\", \"why\": \"Suggerimento n. 3\"}}\n  ]";
    assertEquals(before.substring(0, end) + added + before.substring(end), after);

    LearnedTriggers.Outcome second = new LearnedTriggers(dialogs).add("fatture", "la fattura «non» c'è", "luca", DAY,
        "Suggerimento n. 4");
    assertTrue(second.added(), second.toString());
    var learned = new ObjectMapper().readTree(Files.readString(dialogs.resolve("fatture.json"))).path("learned");
    assertEquals(2, learned.size());
    assertEquals("la fattura «non» c'è", learned.get(1).path("text").asText());
    assertEquals("luca", learned.get(1).path("local").path("owner").asText());
  }

  @Test
  void aSentenceAlreadyATriggerIsNotAddedTwice() throws Exception {
    Path dialogs = DialogsCopy.into(tmp.resolve("dialogs"));
    String before = Files.readString(dialogs.resolve("fatture.json"));
    LearnedTriggers.Outcome o = new LearnedTriggers(dialogs).add("fatture", "  Dove trovo la FATTURA ", "sara", DAY, "x");
    assertTrue(o.alreadyThere() && !o.added(), o.toString());
    assertEquals(before, Files.readString(dialogs.resolve("fatture.json")));
  }

  @Test
  void anUnknownTopicIsRefusedWithoutWritingAnything() throws Exception {
    Path dialogs = DialogsCopy.into(tmp.resolve("dialogs"));
    LearnedTriggers.Outcome o = new LearnedTriggers(dialogs).add("../config/shift", "x y", "sara", DAY, "x");
    assertFalse(o.ok());
    try (var files = Files.list(dialogs)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }
}
