package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.shift.DialogsCopy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint, coverage and verifica on a copy of the real dialogs/, as an editor runs them. */
class ProvenanceCommandsTest {

  @TempDir
  Path tmp;

  private Path dialogs;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream stdout;

  @BeforeEach
  void capture() {
    dialogs = DialogsCopy.into(tmp.resolve("dialogs"));
    stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void lintExitsOneNamingFileAndPointerOfAMisquotedLine() {
    DialogsCopy.edit(dialogs, "pausa.json", "\"quote\": \"- 626: 15min\"", "\"quote\": \"- 626: 20min\"");
    assertEquals(1, Main.run("lint", dialogs.toString()));
    assertTrue(lines().contains(dialogs + "/pausa.json: /nodes/pausa-626/source/1/quote: la citazione «- 626: 20min» "
        + "non è nella riga 232 delle note («- 626: 15min»)"), lines().toString());
  }

  @Test
  void lintExitsOneNamingTheLineOfAnExampleWithAnUnknownTopicOrNoText() throws java.io.IOException {
    java.nio.file.Files.writeString(dialogs.resolve("examples.jsonl"),
        "{\"text\": \"il cliente vuole i soldi indietro\", \"topic\": \"diritto-di-recesso\", \"source\": \"test\"}\n"
            + "{\"text\": \"il cliente vuole i soldi indietro\", \"topic\": \"rimborsi\", \"source\": \"test\"}\n"
            + "{\"topic\": null, \"source\": \"test\"}\n");
    assertEquals(1, Main.run("lint", dialogs.toString()));
    assertTrue(lines().contains(dialogs + "/examples.jsonl: riga 2: argomento sconosciuto \"rimborsi\""), lines().toString());
    assertTrue(lines().contains(dialogs + "/examples.jsonl: riga 3: manca il testo (\"text\")"), lines().toString());
  }

  @Test
  void lintWarnsButExitsZeroOnTopicsPastTheirReviewDate() {
    DialogsCopy.edit(dialogs, "pausa.json", "\"verified\": \"2026-12-01\"", "\"verified\": \"2020-01-10\"");
    assertEquals(0, Main.run("lint", dialogs.toString()));
    assertTrue(lines().stream().anyMatch(l -> l.startsWith("warning: past its review date: pausa: verificato il 2020-01-10")), lines().toString());
    assertTrue(lines().get(lines().size() - 1).endsWith("1 topic past its review date (verifica)."), lines().toString());
  }

  @Test
  void verificaListsTopicsPastTheirReviewDateOldestFirst() {
    DialogsCopy.edit(dialogs, "attesa.json", "\"verified\": \"2026-12-01\"", "\"verified\": \"2021-03-01\"");
    DialogsCopy.edit(dialogs, "pausa.json", "\"verified\": \"2026-12-01\"", "\"verified\": \"2020-01-10\"");
    assertEquals(0, Main.run("verifica", "--dialogs", dialogs.toString()));
    assertEquals(List.of(
        "pausa: verificato il 2020-01-10 da Responsabile contenuti PEC (team lead), da rivedere dal 2020-04-09",
        "attesa: verificato il 2021-03-01 da Responsabile contenuti PEC (team lead), da rivedere dal 2021-05-30"),
        lines());
  }

  @Test
  void coverageEndsWithEveryContentLineCited() {
    assertEquals(0, Main.run("coverage", "--dialogs", dialogs.toString()));
    String last = lines().get(lines().size() - 1);
    assertTrue(last.matches("lines=106 cited=106 uncited=0 local=\\d+"), last);
    assertTrue(lines().contains("Righe non citate: nessuna"), lines().toString());
  }

  @Test
  void coverageListsALineNoNodeCitesAnyMore() {
    DialogsCopy.edit(dialogs, "pausa.json", "{\"line\": 232, \"quote\": \"- 626: 15min\"}", "{\"line\": 230, \"quote\": \"pause\"}");
    assertEquals(0, Main.run("coverage", "--dialogs", dialogs.toString()));
    List<String> l = lines();
    assertTrue(l.contains(" 232  - 626: 15min") && l.get(l.indexOf(" 232  - 626: 15min") + 1).contains("(nessun nodo)"), l.toString());
    assertTrue(l.get(l.size() - 1).startsWith("lines=106 cited=105 uncited=1 "), l.get(l.size() - 1));
  }
}
