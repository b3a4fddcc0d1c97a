package it.vademecum.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.RealServices;
import it.vademecum.engine.Knowledge;
import it.vademecum.store.Database;
import it.vademecum.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' break reminders on one real PostgreSQL database. */
class SharedBreakRemindersTest {

  private final MutableClock clock = new MutableClock(Knowledge.TUESDAY_10);
  private final List<BreakReminders> open = new ArrayList<>();
  private String url;

  @BeforeEach
  void database() {
    url = RealServices.freshDatabaseUrl();
  }

  @AfterEach
  void close() {
    open.forEach(BreakReminders::close);
  }

  private BreakReminders instance(ManualTimer timer, RecordingNotifier notifier) {
    BreakReminders r = BreakReminders.open(Database.postgres(RealServices.asSetting(url), "shift"), clock,
        timer, notifier);
    open.add(r);
    return r;
  }

  @Test
  void aReminderSetOnAnInstanceThatIsDownFiresOnceOnTheOther() {
    ManualTimer timerOne = new ManualTimer(clock);
    ManualTimer timerTwo = new ManualTimer(clock);
    RecordingNotifier toldByOne = new RecordingNotifier();
    RecordingNotifier toldByTwo = new RecordingNotifier();
    BreakReminders one = instance(timerOne, toldByOne);
    BreakReminders two = instance(timerTwo, toldByTwo);
    assertTrue(one.start("t/mario", 15).isNew());
    assertFalse(two.start("t/mario", 15).isNew(), "one break per agent across instances");
    one.close(); // instance one goes down with the break pending
    for (int i = 0; i < 15 * 6; i++) {
      clock.advance(BreakReminders.SHARED_POLL);
      timerTwo.runDue();
    }
    timerTwo.runDue();
    assertEquals(List.of("t/mario: " + BreakReminders.endMessage(15)), toldByTwo.sent);
    assertTrue(toldByOne.sent.isEmpty());
    assertTrue(two.pending("t/mario").isEmpty());
  }

  @Test
  void withBothInstancesUpAReminderFiresOnOneOnly() {
    ManualTimer timerOne = new ManualTimer(clock);
    ManualTimer timerTwo = new ManualTimer(clock);
    RecordingNotifier toldByOne = new RecordingNotifier();
    RecordingNotifier toldByTwo = new RecordingNotifier();
    BreakReminders one = instance(timerOne, toldByOne);
    instance(timerTwo, toldByTwo);
    for (int agent = 0; agent < 20; agent++) {
      one.start("t/agent-" + agent, 15);
    }
    clock.advance(BreakReminders.SHARED_POLL);
    timerTwo.runDue(); // instance two sees the breaks set on instance one
    clock.advance(Duration.ofMinutes(15));
    timerTwo.runDue();
    timerOne.runDue();
    assertEquals(20, toldByOne.sent.size() + toldByTwo.sent.size(), toldByOne.sent + " " + toldByTwo.sent);
    assertEquals(20, toldByTwo.sent.size(), "the instance whose timer ran first took them all");
  }

  @Test
  void withTheDatabaseLostTheAgentIsToldTheBreakIsNotRecordedAndItWorksAgainAfter() throws Exception {
    java.net.URI uri = java.net.URI.create(url.substring(5));
    try (it.vademecum.CuttableProxy proxy = new it.vademecum.CuttableProxy(uri.getHost(), uri.getPort())) {
      String viaProxy = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
      BreakReminders reminders = BreakReminders.open(Database.postgres(RealServices.asSetting(viaProxy), "shift"),
          clock, new ManualTimer(clock), new RecordingNotifier());
      open.add(reminders);
      BreakCommand command = new BreakCommand(reminders, () -> BreakReminderTest.rules(15), clock, Knowledge.ROME);
      it.vademecum.assistant.Agent mario = new it.vademecum.assistant.Agent("t/mario", "aad", "Mario", null);
      proxy.cut();
      String during = command.reply(mario, it.vademecum.engine.Input.text("pausa inizio"),
          it.vademecum.session.Session.EMPTY).orElseThrow().prompt();
      assertTrue(during.contains("Non riesco a registrare la pausa"), during);
      assertTrue(during.contains("15 minuti"), during);
      proxy.restore();
      // The pool drops the connections the cut broke as it meets them: a few tries at most.
      String after = during;
      for (int i = 0; i < 20 && !after.startsWith("Buona pausa!"); i++) {
        Thread.sleep(100);
        after = command.reply(mario, it.vademecum.engine.Input.text("pausa inizio"),
            it.vademecum.session.Session.EMPTY).orElseThrow().prompt();
      }
      assertTrue(after.startsWith("Buona pausa!"), after);
    }
  }
}
