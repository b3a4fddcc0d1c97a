package it.vademecum.dialog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.vademecum.engine.Knowledge;
import it.vademecum.shift.DialogsCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes ship with the knowledge, every node cites them, and what they do not say is owned and dated. */
class ProvenanceTest {

  private static final Path DIALOGS = Knowledge.DIALOGS;
  private static final Catalog CATALOG = Knowledge.engine().catalog();

  @TempDir
  Path tmp;

  @Test
  void shippedNotesAreByteForByteTheSharedNotes() throws IOException {
    Path shared = Path.of("..", "shared", "seeds", "000_6ac73ad30302786b.txt");
    Path absolute = Path.of("/work/shared/seeds/000_6ac73ad30302786b.txt");
    Path seed = Files.isRegularFile(shared) ? shared : absolute;
    assumeTrue(Files.isRegularFile(seed), "the shared notes are not on this machine");
    assertArrayEquals(Files.readAllBytes(seed), Files.readAllBytes(DIALOGS.resolve(Notes.FILE)));
  }

  @Test
  void everyQuestionStepAndCheckCitesTheNotesAndEveryTopicIsOwnedAndVerified() {
    for (Topic t : CATALOG.list()) {
      assertTrue(t.owner() != null && !t.owner().isBlank(), t.id());
      assertTrue(t.verified() != null && !t.verified().isAfter(LocalDate.now()), t.id());
      for (Node n : t.nodes().values()) {
        assertFalse(n.sources().isEmpty(), t.id() + "#" + n.id());
        for (Source s : n.sources()) {
          assertTrue(CATALOG.notes().quotes(s.line(), s.quote()), t.id() + "#" + n.id() + " line " + s.line());
        }
      }
    }
  }

  @Test
  void coverageCitesEveryContentLineAndEndsWithTheTotals() {
    String report = new Coverage(CATALOG).report();
    List<String> lines = report.lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.matches("lines=106 cited=106 uncited=0 local=\\d+"), last);
    assertTrue(report.contains(" 119  - bonifico > 72h lavorative => scala a tl\n      ← pagamento-non-registrato#"),
        report);
  }

  @Test
  void coverageCountsBlankAndSeparatorLinesAsNoContent() {
    Notes notes = Notes.of("* a\n\n-----\n  - b\n");
    assertTrue(notes.isContent(1));
    assertFalse(notes.isContent(2));
    assertFalse(notes.isContent(3));
    assertTrue(notes.quotes(4, "-   b"));
  }

  @Test
  void daChiarireIsGeneratedFromTheDoubtsAndNamesOnlyRealLines() throws IOException {
    Path page = DIALOGS.resolveSibling("docs").resolve("da-chiarire.md");
    String text = Files.readString(page, StandardCharsets.UTF_8);
    assertEquals(new Coverage(CATALOG).ambiguous(), text,
        "docs/da-chiarire.md is stale: run java -jar target/vademecum.jar coverage --ambiguous > docs/da-chiarire.md");
    Matcher m = Pattern.compile("^## Riga (\\d+): `(.*)`$", Pattern.MULTILINE).matcher(text);
    Set<Integer> named = new TreeSet<>();
    while (m.find()) {
      int line = Integer.parseInt(m.group(1));
      assertEquals(CATALOG.notes().line(line).strip(), m.group(2), "line " + line);
      named.add(line);
    }
    assertTrue(named.containsAll(List.of(181, 197, 169, 216)), named.toString());
  }

  @Test
  void localRulesHaveOwnerSinceAndWhy() {
    List<Local> all = Stream.concat(CATALOG.calendarRules().stream(),
        CATALOG.list().stream().flatMap(t -> t.nodes().values().stream()).flatMap(n -> n.local().stream())).toList();
    assertFalse(all.isEmpty());
    for (Local l : all) {
      assertFalse(l.text().isBlank() || l.owner().isBlank() || l.why().isBlank(), l.toString());
      assertTrue(l.since() != null, l.toString());
    }
    assertEquals(3, CATALOG.calendarRules().size(), "greeting cut-off, working hour, holidays");
  }

  @Test
  void verificaListsTopicsPastTheirReviewDateOldestFirst() throws Exception {
    Path copy = DialogsCopy.into(tmp.resolve("dialogs"));
    edit(copy.resolve("pausa.json"), "\"verified\": \"2026-12-01\"", "\"verified\": \"2025-01-10\"");
    edit(copy.resolve("attesa.json"), "\"verified\": \"2026-12-01\"",
        "\"verified\": \"2025-06-01\",\n  \"reviewEvery\": \"P1M\"");
    edit(copy.resolve("incident.json"), "\"verified\": \"2026-12-01\"", "\"verified\": \"2026-11-01\"");
    Catalog c = new CatalogLoader().load(copy);
    List<Review.Overdue> overdue = Review.overdue(c, LocalDate.of(2026, 12, 1));
    assertEquals(List.of("pausa", "attesa"), overdue.stream().map(o -> o.topic().id()).toList());
    assertEquals(LocalDate.of(2025, 4, 10), overdue.get(0).due());
    assertEquals(LocalDate.of(2025, 7, 1), overdue.get(1).due());
    assertTrue(Review.overdue(CATALOG, LocalDate.of(2026, 12, 1)).isEmpty());
  }

  @Test
  void mermaidPictureShowsTheSourcesOfEachNode() {
    String chart = MermaidRenderer.render(CATALOG.topic("pagamento-non-registrato").orElseThrow());
    assertTrue(chart.contains("fonte: r. 119"), chart);
    assertTrue(chart.contains("regole interne: 1"), chart);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), file.toString());
    Files.writeString(file, text.replace(from, to));
  }
}
