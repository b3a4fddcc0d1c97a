package it.vademecum.supervisor;

import static it.vademecum.supervisor.Desk.ANNA;
import static it.vademecum.supervisor.Desk.MARIO;
import static it.vademecum.supervisor.Desk.SARA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Reply;
import it.vademecum.shift.DialogsCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** «ricarica» and the watcher: a broken edit keeps the last good version; agents mid-tree restart cleanly. */
class ReloadTest {

  private static final String TOPIC_CHANGED =
      "L'argomento in corso è stato aggiornato nel frattempo: ricominciamo da capo.";
  private static final String PAYMENT = "pagamento-non-registrato.json";

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

  @Test
  void aBrokenEditKeepsTheLastGoodVersionAndSaysExactlyWhatIsWrong() {
    String good = desk.reloader.current().version();
    DialogsCopy.edit(desk.dialogs, PAYMENT, "\"next\": \"scala-tl\"", "\"next\": \"scala-tll\"");
    Reply r = desk.say(SARA, "ricarica");
    assertEquals("❌ Non ho ricaricato i dialoghi: ci sono 2 errori. Resta in uso per tutti la versione " + good + ".",
        r.prompt());
    String problem = r.lines().get(0);
    assertTrue(problem.startsWith(desk.dialogs + "/" + PAYMENT + ": /nodes/ore/choices/0/next: "), problem);
    assertTrue(problem.contains("scala-tll"), problem);
    assertEquals(desk.dialogs + "/" + PAYMENT + ": /nodes/scala-tl: nodo irraggiungibile dal nodo iniziale",
        r.lines().get(1));
    assertEquals(good, desk.reloader.current().version());

    Reply agent = desk.say(MARIO, "bonifico di 600 euro fatto ieri non registrato");
    assertEquals("inoltra-billing", agent.nodeId(), "agents keep the last good tree");

    Reply stats = desk.say(SARA, "statistiche");
    assertEquals(List.of("⚠️ L'ultima modifica ai dialoghi non è valida (2 errori): resta in uso la versione " + good
        + ". Scrivi «ricarica» per i dettagli."), stats.notices());

    DialogsCopy.edit(desk.dialogs, PAYMENT, "\"next\": \"scala-tll\"", "\"next\": \"scala-tl\"");
    Reply fixed = desk.say(SARA, "ricarica");
    assertTrue(fixed.prompt().startsWith("✅ Dialoghi ricaricati: 34 argomenti, versione " + good + " (invariata)"),
        fixed.prompt());
    assertTrue(desk.say(SARA, "statistiche").notices().isEmpty());
  }

  @Test
  void aBrokenShiftFileIsReportedToo() {
    DialogsCopy.edit(desk.dialogs, "config/shift.json", "\"step\": \"pausa-626\"", "\"step\": \"pausa\"");
    Reply r = desk.say(SARA, "ricarica");
    assertTrue(r.prompt().startsWith("❌"), r.prompt());
    assertEquals(desk.dialogs + "/config/shift.json: /break/step: il nodo «pausa» non esiste nell'argomento «pausa»",
        r.lines().get(0));
    assertEquals(15, desk.reloader.shift().breakMinutes());
  }

  @Test
  void agentsWhoseNodeDisappearedRestartCleanlyOthersCarryOn() {
    Reply mario = desk.say(MARIO, "pagamento non registrato");
    assertEquals("metodo", mario.nodeId());
    Reply anna = desk.say(ANNA, "bonifico non registrato");
    assertEquals("importo", anna.nodeId());

    DialogsCopy.edit(desk.dialogs, PAYMENT, "\"metodo\"", "\"come-ha-pagato\"");
    Reply reload = desk.say(SARA, "ricarica");
    assertTrue(reload.prompt().startsWith("✅ Dialoghi ricaricati: 34 argomenti, versione "), reload.prompt());
    assertTrue(reload.lines().contains("Argomenti modificati: pagamento-non-registrato"), reload.lines().toString());
    assertTrue(reload.lines().contains(
        "Chi era a metà di una domanda che non esiste più riparte da capo con un avviso."));

    Reply after = desk.press(MARIO, mario.options().get(1).value());
    assertEquals(TOPIC_CHANGED, after.notices().get(0));
    assertFalse(after.kind() == Reply.Kind.ANSWER);

    Reply annaAfter = desk.press(ANNA, anna.options().get(0).value());
    assertFalse(annaAfter.notices().contains(TOPIC_CHANGED));
    assertEquals("ore-oltre-500", annaAfter.nodeId(), "her node still exists: she carries on");

    Reply again = desk.say(MARIO, "pagamento non registrato");
    assertEquals("come-ha-pagato", again.nodeId());
  }

  @Test
  void theWatcherReloadsBySelfAndTellsSupervisorsWhatIsWrong() throws Exception {
    desk.reloader.watch(Duration.ofMillis(100));
    desk.say(SARA, "statistiche");
    String good = desk.reloader.current().version();

    DialogsCopy.edit(desk.dialogs, PAYMENT, "\"next\": \"scala-tl\"", "\"next\": \"scala-tll\"");
    waitFor(() -> !desk.notifier.sent.isEmpty());
    String told = desk.notifier.sent.get(0);
    assertTrue(told.startsWith("t/sara: ❌ Ho visto una modifica ai dialoghi, ma non è valida: ci sono 2 errori. "
        + "Resta in uso per tutti la versione " + good + "."), told);
    assertTrue(told.contains(PAYMENT + ": /nodes/ore/choices/0/next: "), told);
    assertEquals(good, desk.reloader.current().version());

    DialogsCopy.edit(desk.dialogs, PAYMENT, "Inoltra la richiesta a pagamenti_billing_aruba",
        "Inoltra subito la richiesta a pagamenti_billing_aruba");
    DialogsCopy.edit(desk.dialogs, PAYMENT, "\"next\": \"scala-tll\"", "\"next\": \"scala-tl\"");
    waitFor(() -> !desk.reloader.current().version().equals(good));
    assertNotEquals(good, desk.reloader.current().version());
    assertTrue(desk.reloader.lastProblems().isEmpty());
    waitFor(() -> desk.notifier.sent.stream().anyMatch(s -> s.startsWith("t/sara: ✅ Dialoghi ricaricati da soli")));
    assertTrue(desk.notifier.sent.stream().noneMatch(s -> s.startsWith("t/mario")), "agents are not told");
  }

  @Test
  void theWatcherSeesABrokenExampleLineAndKeepsTheLastGoodVersion() throws Exception {
    desk.reloader.watch(Duration.ofMillis(100));
    desk.say(SARA, "statistiche");
    String good = desk.reloader.current().version();
    Path examples = desk.dialogs.resolve("examples.jsonl");
    int lines = Files.readAllLines(examples).size();
    Files.writeString(examples,
        "{\"text\": \"il cliente rivuole i soldi\", \"topic\": \"rimborsi\", \"source\": \"test\"}\n",
        StandardOpenOption.APPEND);
    waitFor(() -> !desk.notifier.sent.isEmpty());
    String told = desk.notifier.sent.get(0);
    assertTrue(told.contains("examples.jsonl: riga " + (lines + 1) + ": argomento sconosciuto \"rimborsi\""), told);
    assertEquals(good, desk.reloader.current().version());
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 20 s");
      }
      Thread.sleep(25);
    }
  }
}
