package it.vademecum.shift;

import it.vademecum.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.assistant.Agent;
import it.vademecum.engine.Input;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Reply;
import it.vademecum.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** «pausa inizio» / «pausa fine»: the reminder, its length from the data, and a restart in between. */
class BreakReminderTest {

  @TempDir
  Path data;

  private final MutableClock clock = new MutableClock(Knowledge.TUESDAY_10);
  private final ManualTimer timer = new ManualTimer(clock);
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final Agent mario = new Agent("t/mario", "aad-mario", "Mario", "mario@example.com");
  private final ShiftRules rules = rules(15);
  private BreakReminders reminders;
  private BreakCommand command;

  static ShiftRules rules(int minutes) {
    return new ShiftRules("fine-turno", "tabella", "pausa", "pausa-626", minutes);
  }

  @BeforeEach
  void open() {
    reminders = BreakReminders.open(data, clock, timer, notifier);
    command = new BreakCommand(reminders, () -> rules, clock, Knowledge.ROME);
  }

  @AfterEach
  void close() {
    reminders.close();
  }

  private Reply say(String text) {
    return command.handle(mario, Input.text(text), Session.EMPTY).orElseThrow().reply();
  }

  @Test
  void pausaInizioRemindsTheAgentWhenTheFifteenMinutesAreOver() {
    Reply r = say("pausa inizio");
    assertEquals("Buona pausa! Alle 10:15 ti scrivo che i 15 minuti della pausa 626 sono finiti.", r.prompt());
    assertEquals("k:pausa fine", r.options().get(0).value());
    assertTrue(Files.isRegularFile(data.resolve("shift.mv.db")), "its own H2 file under DATA_DIR");
    clock.advance(Duration.ofMinutes(14));
    assertEquals(0, timer.runDue());
    assertTrue(notifier.sent.isEmpty());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(1, timer.runDue());
    assertEquals(List.of("t/mario: ⏰ Sono passati 15 minuti: la tua pausa 626 è finita. Bentornato!"), notifier.sent);
    assertTrue(reminders.pending(mario.key()).isEmpty(), "a reminder fires once");
  }

  @Test
  void theLengthComesFromTheShiftRules() {
    BreakCommand twenty = new BreakCommand(reminders, () -> rules(20), clock, Knowledge.ROME);
    Reply r = twenty.handle(mario, Input.text("Inizio pausa!"), Session.EMPTY).orElseThrow().reply();
    assertTrue(r.prompt().contains("Alle 10:20") && r.prompt().contains("20 minuti"), r.prompt());
    assertEquals(List.of(Knowledge.TUESDAY_10.plus(Duration.ofMinutes(20))), timer.armed());
  }

  @Test
  void anOverdueReminderFiresAtOnceAfterARestart() {
    say("pausa inizio");
    reminders.close();
    clock.advance(Duration.ofMinutes(40));
    ManualTimer afterRestart = new ManualTimer(clock);
    reminders = BreakReminders.open(data, clock, afterRestart, notifier);
    assertEquals(List.of(clock.instant().minus(Duration.ofMinutes(25))), afterRestart.armed(), "due in the past");
    assertEquals(1, afterRestart.runDue());
    assertEquals(1, notifier.sent.size());
    assertTrue(notifier.sent.get(0).startsWith("t/mario: ⏰"));
  }

  @Test
  void aPendingReminderIsArmedAgainAfterARestartForTheTimeLeft() {
    say("pausa inizio");
    reminders.close();
    clock.advance(Duration.ofMinutes(5));
    ManualTimer afterRestart = new ManualTimer(clock);
    reminders = BreakReminders.open(data, clock, afterRestart, notifier);
    assertEquals(List.of(Knowledge.TUESDAY_10.plus(Duration.ofMinutes(15))), afterRestart.armed());
    assertEquals(0, afterRestart.runDue());
    clock.advance(Duration.ofMinutes(10));
    assertEquals(1, afterRestart.runDue());
    assertEquals(1, notifier.sent.size());
    assertEquals(0, timer.runDue(), "the timer of the closed store fires nothing");
    assertEquals(1, notifier.sent.size());
  }

  @Test
  void pausaFineCancelsTheReminder() {
    say("pausa inizio");
    clock.advance(Duration.ofMinutes(5));
    assertEquals("Bentornato! Ho annullato il promemoria della pausa.", say("pausa fine").prompt());
    clock.advance(Duration.ofMinutes(20));
    timer.runDue();
    assertTrue(notifier.sent.isEmpty());
    assertEquals("Non hai una pausa in corso: non c'è niente da annullare.", say("annulla pausa").prompt());
  }

  @Test
  void theCancelButtonWorksLikeTheTypedCommand() {
    say("pausa inizio");
    Reply r = command.handle(mario, Input.button("k:pausa fine"), Session.EMPTY).orElseThrow().reply();
    assertEquals("Bentornato! Ho annullato il promemoria della pausa.", r.prompt());
  }

  @Test
  void aSecondStartKeepsTheFirstBreak() {
    say("pausa inizio");
    clock.advance(Duration.ofMinutes(8));
    Reply r = say("pausa inizio");
    assertEquals("Hai già una pausa in corso: finisce alle 10:15 (mancano 7 minuti).", r.prompt());
    assertEquals(1, timer.armed().size());
  }

  @Test
  void breaksOfDifferentAgentsAreIndependent() {
    Agent anna = new Agent("t/anna", "aad-anna", "Anna", null);
    say("pausa inizio");
    clock.advance(Duration.ofMinutes(5));
    command.handle(anna, Input.text("pausa inizio"), Session.EMPTY);
    say("pausa fine");
    clock.advance(Duration.ofMinutes(15));
    timer.runDue();
    assertEquals(1, notifier.sent.size());
    assertTrue(notifier.sent.get(0).startsWith("t/anna: "));
  }

  @Test
  void pausaAloneAndOtherTextAreLeftToTheTree() {
    assertTrue(command.handle(mario, Input.text("pausa"), Session.EMPTY).isEmpty());
    assertTrue(command.handle(mario, Input.text("quanto dura la pausa"), Session.EMPTY).isEmpty());
    assertTrue(command.handle(mario, Input.button("c:pausa:x:0"), Session.EMPTY).isEmpty());
  }
}
