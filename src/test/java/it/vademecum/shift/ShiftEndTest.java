package it.vademecum.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Problem;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.engine.Input;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Reply;
import it.vademecum.privacy.Redactor;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** «fine turno» shows the whole table; questions naming a state are answered by the tree; the rules are data. */
class ShiftEndTest {

  @TempDir
  Path data;

  private final Clock clock = Clock.fixed(Knowledge.TUESDAY_10, ZoneOffset.UTC);
  private final Agent mario = new Agent("t/mario", "aad-mario", "Mario", null);
  private UsageLog usage;
  private Assistant assistant;
  private ShiftRules rules;

  @BeforeEach
  void start() throws InvalidCatalogException {
    usage = H2UsageLog.open(data, Redactor.defaults(), clock, true);
    Engine engine = Knowledge.engine();
    rules = ShiftRules.load(Knowledge.DIALOGS, engine.catalog());
    CaffeineSessionStore sessions = new CaffeineSessionStore(Duration.ofHours(8), 100);
    assistant = new Assistant(() -> engine, sessions, usage, EscalationSink.byHand(),
        List.of(new ShiftEndCommand(() -> engine, () -> rules, clock)), clock);
  }

  @AfterEach
  void stop() {
    usage.close();
  }

  @Test
  void theRealRulesNameTheTableAndFifteenMinutes() {
    assertEquals(new ShiftRules("fine-turno", "tabella", "pausa", "pausa-626", 15), rules);
  }

  @Test
  void fineTurnoAloneShowsTheWholeTable() {
    Reply r = assistant.turn(mario, Input.text("Fine turno?"));
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertEquals("tabella", r.nodeId());
    assertEquals(List.of("Argomento: Ticket da rilasciare a fine turno"), r.notices());
    assertEquals(List.of("Rilasciare: in lavorazione, feedback.", "Tenere: attesa utente, pianificato.",
        "Mai rilasciare: mancata accettazione."), r.answer().orElseThrow().notes());
    assertEquals("fine-turno", usage.answersByTopic(Instant.EPOCH, 10).get(0).topicId());
    assertTrue(r.canGoBack());
    Reply back = assistant.turn(mario, Input.text("indietro"));
    assertEquals("In che stato è il ticket?", back.prompt(), "the session is the tree's: «indietro» asks the state");
  }

  @Test
  void questionsNamingAStateAreAnsweredDirectlyByTheTree() {
    assertStep("posso rilasciare i ticket in attesa utente?", "tieni");
    assertStep("il ticket in feedback lo rilascio?", "rilascia");
    assertStep("il ticket in mancata accettazione si rilascia?", "mai-rilasciare");
    assertStep("i ticket pianificati li tengo?", "tieni");
  }

  private void assertStep(String text, String node) {
    Reply r = assistant.turn(mario, Input.text(text));
    assertEquals(Reply.Kind.ANSWER, r.kind(), text);
    assertEquals(node, r.nodeId(), text);
  }

  @Test
  void pausaAloneGivesThe626Rule() {
    Reply r = assistant.turn(mario, Input.text("pausa"));
    assertEquals("pausa-626", r.nodeId());
    assertTrue(r.answer().orElseThrow().step().contains("15 minuti"));
  }

  @Test
  void theTableFollowsTheData(@TempDir Path copy) throws InvalidCatalogException {
    DialogsCopy.into(copy);
    DialogsCopy.edit(copy, "fine-turno.json",
        "\"Mai rilasciare: mancata accettazione.\"", "\"Mai rilasciare: mancata accettazione, sospeso.\"");
    Engine edited = new EngineLoader().load(copy);
    ShiftRules r = ShiftRules.load(copy, edited.catalog());
    ShiftEndCommand c = new ShiftEndCommand(() -> edited, () -> r, clock);
    Reply reply = c.handle(mario, Input.text("fine turno"), it.vademecum.session.Session.EMPTY).orElseThrow().reply();
    assertEquals("Mai rilasciare: mancata accettazione, sospeso.", reply.answer().orElseThrow().notes().get(2));
  }

  @Test
  void aBreakLengthTheStepDoesNotSayIsRefused(@TempDir Path copy) throws InvalidCatalogException {
    DialogsCopy.into(copy);
    DialogsCopy.edit(copy, "config/shift.json", "\"minutes\": 15", "\"minutes\": 20");
    DialogsCopy.edit(copy, "config/shift.json", "\"table\": \"tabella\"", "\"table\": \"stato\"");
    Engine engine = new EngineLoader().load(copy);
    InvalidCatalogException e = assertThrows(InvalidCatalogException.class, () -> ShiftRules.load(copy, engine.catalog()));
    String file = copy + "/config/shift.json";
    assertEquals(List.of(
        new Problem(file, "/shiftEnd/table",
            "il nodo «stato» dell'argomento «fine-turno» è una domanda, non un passo"),
        new Problem(file, "/break/minutes", "il passo «pausa/pausa-626» non dice «20 minuti»: "
            + "la durata del promemoria e la regola devono coincidere")), e.problems());
  }

  @Test
  void aShiftFileAgainstTheSchemaIsRefusedWithItsPointer(@TempDir Path copy) throws InvalidCatalogException {
    DialogsCopy.into(copy);
    DialogsCopy.edit(copy, "config/shift.json", "\"minutes\": 15", "\"minutes\": \"quindici\"");
    Engine engine = new EngineLoader().load(copy);
    InvalidCatalogException e = assertThrows(InvalidCatalogException.class, () -> ShiftRules.load(copy, engine.catalog()));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("/break/minutes", e.problems().get(0).pointer());
  }
}
