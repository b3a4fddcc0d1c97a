package it.vademecum.supervisor;

import static it.vademecum.supervisor.Desk.ANNA;
import static it.vademecum.supervisor.Desk.MARIO;
import static it.vademecum.supervisor.Desk.SARA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Reply;
import it.vademecum.match.Ranking;
import it.vademecum.shift.DialogsCopy;
import it.vademecum.usage.UsageLog.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: agents' picks and rephrases become suggestions; a supervisor accepts or rejects them. */
class SuggestionLoopTest {

  private static final String AMBIGUOUS = "cliente arrabbiato per la casella";
  private static final String SOLLECITO = "ticket-sollecito";

  @TempDir
  Path tmp;

  private Desk desk;

  @BeforeEach
  void open() throws InvalidCatalogException {
    desk = new Desk(tmp, Knowledge.TUESDAY_10);
  }

  @AfterEach
  void close() {
    desk.close();
  }

  private Suggestion pick(String sentence, String topic) {
    Reply menu = desk.say(ANNA, sentence);
    assertEquals(Reply.Kind.SUGGESTIONS, menu.kind(), menu.toString());
    desk.press(ANNA, "t:" + topic);
    List<Suggestion> open = desk.usage.openSuggestions(5);
    assertEquals(1, open.size(), open.toString());
    return open.get(0);
  }

  @Test
  void aPickFromTheMenuBecomesASuggestionListedForSupervisors() {
    Suggestion s = pick(AMBIGUOUS, SOLLECITO);
    assertEquals(SOLLECITO, s.topicId());
    assertEquals(AMBIGUOUS, s.text());
    assertEquals(1, s.count());
    desk.say(MARIO, AMBIGUOUS);
    desk.press(MARIO, "t:" + SOLLECITO);
    assertEquals(2, desk.usage.openSuggestions(5).get(0).count());

    Reply list = desk.say(SARA, "suggerimenti");
    assertTrue(list.prompt().startsWith("💡"), list.prompt());
    assertTrue(list.lines().contains("n. " + s.id() + " · 2× «" + AMBIGUOUS + "»"), list.lines().toString());
    assertTrue(list.options().stream().anyMatch(o -> o.value().equals("k:suggerimenti accetta " + s.id())),
        list.options().toString());
  }

  @Test
  void aRephraseThatFindsATopicMakesTheFirstSentenceASuggestionWithoutPersonalData() throws IOException {
    Reply none = desk.say(MARIO, "mario.rossi@gmail.com scrive dal 347 1234567 per la casella");
    assertEquals(Reply.Kind.NOT_FOUND, none.kind());
    Reply found = desk.say(MARIO, "bonifico di 600 euro non registrato");
    assertEquals("pagamento-non-registrato", found.topicId());
    List<Suggestion> open = desk.usage.openSuggestions(5);
    assertEquals(1, open.size());
    String stored = open.get(0).text();
    assertFalse(stored.contains("mario.rossi") || stored.contains("1234567"), stored);
    assertTrue(stored.contains("[email]") && stored.contains("[telefono]"), stored);

    Reply accepted = desk.say(SARA, "suggerimenti accetta " + open.get(0).id());
    assertTrue(accepted.prompt().startsWith("✅"), accepted.prompt());
    String file = Files.readString(desk.dialogs.resolve("pagamento-non-registrato.json"));
    assertFalse(file.contains("mario.rossi") || file.contains("1234567"), "the topic file holds no personal data");
    assertTrue(file.contains(stored), file);
  }

  @Test
  void anAcceptedSuggestionMakesTheSameSentenceConfidentWithProvenance() throws IOException {
    assertEquals(Ranking.Verdict.AMBIGUOUS, desk.reloader.get().matcher().rank(AMBIGUOUS).verdict());
    Suggestion s = pick(AMBIGUOUS, SOLLECITO);

    Reply accepted = desk.say(SARA, "suggerimenti accetta " + s.id());
    assertTrue(accepted.prompt().startsWith("✅ «" + AMBIGUOUS + "» è ora un trigger di "), accepted.prompt());
    assertTrue(accepted.lines().get(0).startsWith("✅ Dialoghi ricaricati"), accepted.lines().toString());
    String file = Files.readString(desk.dialogs.resolve(SOLLECITO + ".json"));
    assertTrue(file.contains("{\"text\": \"" + AMBIGUOUS + "\", \"local\": {\"owner\": \"Sara.Bianchi@example.com\", "
        + "\"since\": \"2026-"), file);

    Ranking r = desk.reloader.get().matcher().rank(AMBIGUOUS);
    assertEquals(Ranking.Verdict.CONFIDENT, r.verdict());
    assertEquals(SOLLECITO, r.best());
    Reply again = desk.say(MARIO, AMBIGUOUS);
    assertEquals(SOLLECITO, again.topicId());
    assertTrue(desk.usage.openSuggestions(5).isEmpty());
    assertTrue(desk.say(SARA, "suggerimenti accetta " + s.id()).prompt().contains("è già stato accettato da Sara"));
  }

  @Test
  void aRejectedSuggestionIsNeverProposedAgain() {
    Suggestion s = pick(AMBIGUOUS, SOLLECITO);
    Reply rejected = desk.press(SARA, "k:suggerimenti rifiuta " + s.id());
    assertEquals("Suggerimento n. " + s.id() + " rifiutato: non lo proporrò più.", rejected.prompt());
    desk.say(MARIO, AMBIGUOUS);
    desk.press(MARIO, "t:" + SOLLECITO);
    assertTrue(desk.usage.openSuggestions(5).isEmpty());
    assertTrue(desk.say(SARA, "suggerimenti").prompt().startsWith("Nessun suggerimento da valutare"));
  }

  @Test
  void anAcceptanceWhileDialogsAreBrokenChangesNoFile() throws IOException {
    Suggestion s = pick(AMBIGUOUS, SOLLECITO);
    DialogsCopy.edit(desk.dialogs, "pagamento-non-registrato.json", "\"next\": \"inoltra-billing\"",
        "\"next\": \"inoltra-biling\"");
    String before = Files.readString(desk.dialogs.resolve(SOLLECITO + ".json"));
    Reply refused = desk.say(SARA, "suggerimenti accetta " + s.id());
    assertTrue(refused.prompt().startsWith("❌ Non ho aggiunto il suggerimento n. " + s.id()), refused.prompt());
    assertTrue(refused.lines().stream().anyMatch(l -> l.startsWith(desk.dialogs + "/pagamento-non-registrato.json: ")
        && l.contains("inoltra-biling")), refused.lines().toString());
    assertEquals(before, Files.readString(desk.dialogs.resolve(SOLLECITO + ".json")));
    assertEquals(1, desk.usage.openSuggestions(5).size(), "still open");
  }

  @Test
  void onlySupervisorsSeeOrDecideSuggestions() {
    Suggestion s = pick(AMBIGUOUS, SOLLECITO);
    assertEquals(Roles.RESERVED, desk.say(MARIO, "suggerimenti").prompt());
    assertEquals(Roles.RESERVED, desk.say(MARIO, "suggerimenti accetta " + s.id()).prompt());
    assertEquals(1, desk.usage.openSuggestions(5).size());
    assertTrue(desk.say(SARA, "suggerimenti accetta mille").prompt().startsWith("Scrivi «suggerimenti»"));
    assertEquals("Il suggerimento n. 999 non esiste.", desk.say(SARA, "suggerimenti rifiuta 999").prompt());
  }
}
