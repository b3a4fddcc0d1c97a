package it.vademecum.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every defect kind is caught and reported as "file: pointer: problem", all at once. */
class LintTest {

  private static final Path REAL = Path.of(System.getProperty("vademecum.dialogs", "dialogs"));

  @TempDir
  Path dir;

  private final CatalogLoader loader = new CatalogLoader();

  /** A source quoting line 232 of the notes, "- 626: 15min". */
  private static final String SOURCE = "'source': [{'line': 232, 'quote': '626:   15min'}]";

  @BeforeEach
  void calendar() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(REAL.resolve("config/calendar.json"), dir.resolve("config/calendar.json"));
    Files.createDirectories(dir.resolve("source"));
    Files.copy(REAL.resolve(Notes.FILE), dir.resolve(Notes.FILE));
  }

  private void write(String id, String json) throws IOException {
    Files.writeString(dir.resolve(id + ".json"), json.replace('\'', '"'));
  }

  private static String topic(String id, String nodes) {
    return "{'id': '" + id + "', 'title': 'Prova', 'group': 'ticket', 'owner': 'TL PEC', 'verified': '2026-12-01', "
        + "'triggers': ['prova'], 'start': 'a', 'nodes': {" + nodes + "}}";
  }

  private List<String> problems() {
    return loader.lint(dir).stream().map(Problem::toString).toList();
  }

  private void assertProblem(String expectedPrefix) {
    List<String> p = problems();
    assertTrue(p.stream().anyMatch(x -> x.startsWith(expectedPrefix)), "expected " + expectedPrefix + " in " + p);
  }

  @Test
  void theRealDialogsAreClean() {
    assertEquals(List.of(), loader.lint(REAL));
  }

  @Test
  void aCleanMinimalTreeHasNoProblem() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.', " + SOURCE + "}"));
    assertEquals(List.of(), problems());
  }

  @Test
  void reportsUnknownNextTarget() throws IOException {
    write("uno", topic("uno", "'a': {'ask': 'Domanda?', 'choices': [{'label': 'Sì', 'next': 'b'}, "
        + "{'label': 'No', 'next': 'zeta'}]}, 'b': {'step': 'Fai questo.'}"));
    assertProblem(dir + "/uno.json: /nodes/a/choices/1/next: ");
  }

  @Test
  void reportsUnreachableNode() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.'}, 'orfano': {'step': 'Mai visto.'}"));
    assertProblem(dir + "/uno.json: /nodes/orfano: nodo irraggiungibile");
  }

  @Test
  void reportsCycleWithNoWayOut() throws IOException {
    write("uno", topic("uno", "'a': {'ask': 'Domanda?', 'choices': [{'label': 'Sì', 'next': 'b'}, "
        + "{'label': 'No', 'next': 'c'}]}, 'b': {'ask': 'Ancora?', 'choices': [{'label': 'Sì', 'next': 'a'}, "
        + "{'label': 'No', 'next': 'a'}]}, 'c': {'ask': 'E poi?', 'choices': [{'label': 'Sì', 'next': 'b'}, "
        + "{'label': 'No', 'next': 'a'}]}"));
    assertProblem(dir + "/uno.json: /nodes/a: ciclo senza uscita");
  }

  @Test
  void reportsDuplicateNodeIds() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.'}, 'a': {'step': 'Fai quello.'}"));
    assertProblem(dir + "/uno.json: /nodes/a: chiave duplicata");
  }

  @Test
  void reportsIdDifferentFromFileName() throws IOException {
    write("uno", topic("due", "'a': {'step': 'Fai questo.'}"));
    assertProblem(dir + "/uno.json: /id: ");
  }

  @Test
  void reportsEmptyTriggers() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.'}").replace("['prova']", "[]"));
    assertProblem(dir + "/uno.json: /triggers: ");
    write("uno", topic("uno", "'a': {'step': 'Fai questo.'}").replace("['prova']", "['   ']"));
    assertProblem(dir + "/uno.json: /triggers/0: trigger vuoto");
  }

  @Test
  void reportsANoteThatOnlyRepeatsTheStep() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Apri lo username in extranet: da lì vedi le carte del cliente.', "
        + "'notes': ['Extranet → username: carte del cliente.', 'Da extranet puoi anche cambiare il legale "
        + "rappresentante.'], " + SOURCE + "}"));
    assertEquals(List.of(dir + "/uno.json: /nodes/a/notes/0: la nota ripete il passo: toglila, o scrivi ciò che il "
        + "passo non dice (una nota ripetuta allunga la scheda che l'operatore legge)"), problems());
  }

  @Test
  void reportsUnknownPlaceholder() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.', 'phrases': [{'label': 'x', 'text': 'Apra la @peo@.'}]}"));
    assertProblem(dir + "/uno.json: /nodes/a/phrases/0/text: segnaposto sconosciuto @peo@");
  }

  @Test
  void reportsQuestionWithFewerThanTwoChoices() throws IOException {
    write("uno", topic("uno", "'a': {'ask': 'Domanda?', 'choices': [{'label': 'Sì', 'next': 'b'}]}, "
        + "'b': {'step': 'Fai questo.'}"));
    assertProblem(dir + "/uno.json: /nodes/a/choices: una domanda ha bisogno di almeno due scelte");
  }

  @Test
  void reportsALeafThatGivesNoStep() throws IOException {
    write("uno", topic("uno", "'a': {'notes': ['solo una nota']}"));
    assertProblem(dir + "/uno.json: /nodes/a: ");
  }

  @Test
  void reportsInvalidJsonWithItsLine() throws IOException {
    Files.writeString(dir.resolve("uno.json"), "{\n  \"id\": \"uno\",\n  \"title\": \n}");
    assertProblem(dir + "/uno.json: /: JSON non valido alla riga 4");
  }

  @Test
  void reportsEveryProblemOfEveryFileAtOnce() throws IOException {
    write("uno", topic("due", "'a': {'step': 'Fai questo.'}, 'orfano': {'step': 'Mai visto.'}"));
    write("tre", topic("tre", "'a': {'ask': 'Domanda?', 'choices': [{'label': 'Sì', 'next': 'nulla'}]}"));
    List<String> p = problems();
    assertTrue(p.size() >= 4, p.toString());
    assertTrue(p.stream().anyMatch(x -> x.contains("uno.json: /id")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.contains("uno.json: /nodes/orfano")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.contains("tre.json: /nodes/a/choices")), p.toString());
  }

  @Test
  void reportsAQuoteThatIsNotOnItsLineWithFileAndPointer() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.', 'source': [{'line': 232, 'quote': '626: 15min'}, "
        + "{'line': 232, 'quote': '626: 20min'}]}"));
    assertEquals(List.of(dir + "/uno.json: /nodes/a/source/1/quote: la citazione «626: 20min» non è nella riga 232 "
        + "delle note («- 626: 15min»)"), problems());
  }

  @Test
  void reportsANodeWithoutSourceAndALineThatDoesNotExistOrIsBlank() throws IOException {
    write("uno", topic("uno", "'a': {'ask': 'Domanda?', 'choices': [{'label': 'Sì', 'next': 'b'}, "
        + "{'label': 'No', 'next': 'c'}], 'source': [{'line': 9999, 'quote': 'x y'}]}, "
        + "'b': {'step': 'Fai questo.'}, 'c': {'step': 'Fai quello.', 'source': [{'line': 2, 'quote': '  '}]}"));
    assertProblem(dir + "/uno.json: /nodes/a/source/0/line: la riga 9999 non esiste");
    assertProblem(dir + "/uno.json: /nodes/b/source: nodo senza fonte");
    assertProblem(dir + "/uno.json: /nodes/c/source/0");
  }

  @Test
  void reportsATopicWithoutOwnerOrVerifiedDate() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.', " + SOURCE + "}").replace("'owner': 'TL PEC', ", "")
        .replace("2026-12-01", "2026-02-30"));
    assertProblem(dir + "/uno.json: /: : proprietà richiesta 'owner' non trovata");
    write("uno", topic("uno", "'a': {'step': 'Fai questo.', " + SOURCE + "}").replace("2026-12-01", "2026-02-30"));
    assertProblem(dir + "/uno.json: /verified: manca \"verified\" o non è una data");
  }

  @Test
  void reportsMissingNotes() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.', " + SOURCE + "}"));
    Files.delete(dir.resolve(Notes.FILE));
    assertProblem(dir + "/source/vademecum.txt: /: file mancante");
  }

  @Test
  void reportsAMissingCalendar() throws IOException {
    write("uno", topic("uno", "'a': {'step': 'Fai questo.'}"));
    Files.delete(dir.resolve("config/calendar.json"));
    assertProblem(dir + "/config/calendar.json: /: file mancante");
  }

  @Test
  void loadRefusesABrokenTreeWithTheSameList() throws IOException {
    write("uno", topic("uno", "'a': {'ask': 'Domanda?', 'choices': [{'label': 'Sì', 'next': 'b'}]}, "
        + "'b': {'step': 'Fai questo.'}"));
    InvalidCatalogException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidCatalogException.class,
        () -> loader.load(dir));
    assertEquals(loader.lint(dir), e.problems());
  }
}
