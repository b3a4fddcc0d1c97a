package it.vademecum.supervisor;

import com.github.benmanes.caffeine.cache.Scheduler;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.Command;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.engine.Input;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Reply;
import it.vademecum.learning.Suggestions;
import it.vademecum.privacy.Redactor;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.shift.BreakCommand;
import it.vademecum.shift.BreakReminders;
import it.vademecum.shift.DialogsCopy;
import it.vademecum.shift.ManualTimer;
import it.vademecum.shift.RecordingNotifier;
import it.vademecum.shift.ShiftEndCommand;
import it.vademecum.testing.MutableClock;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.escalation.OpenEscalation;
import it.vademecum.escalation.OpenEscalations;
import it.vademecum.escalation.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything of this feature wired as the front ends wire it, on an editable copy of dialogs/, a
 * real H2 usage store and break store, a clock and a timer the test moves, and a fake escalation
 * outbox.
 */
final class Desk implements AutoCloseable {

  static final Agent SARA = new Agent("t/sara", "aad-sara", "Sara", "Sara.Bianchi@example.com");
  static final Agent LUCA = new Agent("t/luca", "aad-luca", "Luca", null);
  static final Agent MARIO = new Agent("t/mario", "aad-mario", "Mario", "mario.verdi@example.com");
  static final Agent ANNA = new Agent("t/anna", "aad-anna", "Anna", null);

  final Path dialogs;
  final MutableClock clock;
  final ManualTimer timer;
  final RecordingNotifier notifier = new RecordingNotifier();
  final FakeEscalations escalations = new FakeEscalations();
  final H2UsageLog usage;
  final DialogsReloader reloader;
  final BreakReminders reminders;
  final Feedback feedback;
  final Assistant assistant;

  Desk(Path tmp, Instant start) throws InvalidCatalogException {
    this.dialogs = DialogsCopy.into(tmp.resolve("dialogs"));
    this.clock = new MutableClock(start);
    this.timer = new ManualTimer(clock);
    this.usage = H2UsageLog.open(tmp.resolve("data"), Redactor.defaults(), clock, true);
    this.reloader = DialogsReloader.startingWith(dialogs, Knowledge.engine());
    this.reminders = BreakReminders.open(tmp.resolve("data"), clock, timer, notifier);
    CaffeineSessionStore sessions = new CaffeineSessionStore(Duration.ofHours(8), 100);
    this.feedback = new Feedback(reloader, () -> clock.instant().toEpochMilli() * 1_000_000L,
        Scheduler.disabledScheduler());
    Roles roles = new Roles(List.of(" sara.bianchi@EXAMPLE.com", "aad-luca"));
    List<Command> commands = List.of(feedback,
        new SupervisorCommands(roles, reloader, usage, Optional.of(escalations), notifier, clock),
        new SuggestionCommands(roles, reloader, new Suggestions(usage, dialogs, clock, Knowledge.ROME)),
        new BreakCommand(reminders, reloader::shift, clock, Knowledge.ROME),
        new ShiftEndCommand(reloader, reloader::shift, clock));
    this.assistant = new Assistant(reloader, sessions, usage, EscalationSink.byHand(), commands, clock, feedback);
  }

  Reply say(Agent agent, String text) {
    return assistant.turn(agent, Input.text(text));
  }

  Reply press(Agent agent, String value) {
    return assistant.turn(agent, Input.button(value));
  }

  @Override
  public void close() {
    reloader.close();
    reminders.close();
    usage.close();
  }

  /** The outbox as the supervisors' commands see it. */
  static final class FakeEscalations implements OpenEscalations {
    final List<OpenEscalation> open = new ArrayList<>();
    final Map<State, Long> byState = new HashMap<>();
    Instant askedSince;

    @Override
    public List<OpenEscalation> open() {
      return List.copyOf(open);
    }

    @Override
    public Map<State, Long> countByState(Instant since) {
      askedSince = since;
      return Map.copyOf(byState);
    }

    @Override
    public boolean resend(long id) {
      return open.removeIf(e -> e.id() == id && e.state() == State.UNCERTAIN);
    }
  }
}
