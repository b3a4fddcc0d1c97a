package it.vademecum.supervisor;

import it.vademecum.assistant.Command;
import it.vademecum.assistant.Notifier;
import it.vademecum.assistant.ReplyDecorator;
import it.vademecum.escalation.OpenEscalations;
import it.vademecum.learning.Suggestions;
import it.vademecum.config.DatabaseUrl;
import it.vademecum.store.Database;
import it.vademecum.shift.BreakCommand;
import it.vademecum.shift.BreakReminders;
import it.vademecum.shift.ExecutorTimer;
import it.vademecum.shift.ShiftEndCommand;
import it.vademecum.usage.UsageLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shift and supervisor features wired for a front end: the commands for the assistant (in
 * order), the 👍/👎 decorator, and what to close at shutdown (break reminders, the dialogs watcher).
 */
public final class Supervision implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Supervision.class);

  private final List<Command> commands;
  private final Feedback feedback;
  private final ExecutorTimer timer;
  private final BreakReminders reminders;

  private final String remindersProblem;

  private Supervision(List<Command> commands, Feedback feedback, ExecutorTimer timer, BreakReminders reminders,
      String remindersProblem) {
    this.remindersProblem = remindersProblem;
    this.commands = List.copyOf(commands);
    this.feedback = feedback;
    this.timer = timer;
    this.reminders = reminders;
  }

  /**
   * Builds everything; when the break reminders' store cannot be opened (another process holds
   * it), «pausa inizio» is left to the tree, which gives the rule, and the reason is logged.
   */
  public static Supervision start(List<String> supervisors, DialogsReloader dialogs, Path dataDir,
      UsageLog usage, Optional<OpenEscalations> escalations, Notifier notifier,
      Clock clock) {
    return start(supervisors, dialogs, dataDir, Optional.empty(), usage, escalations, notifier, clock);
  }

  /** The same, with the break reminders in the shared PostgreSQL database when one is given. */
  public static Supervision start(List<String> supervisors, DialogsReloader dialogs, Path dataDir,
      Optional<DatabaseUrl> shared, UsageLog usage, Optional<OpenEscalations> escalations,
      Notifier notifier, Clock clock) {
    Feedback feedback = new Feedback(dialogs);
    List<Command> commands = new ArrayList<>();
    commands.add(feedback);
    Roles roles = new Roles(supervisors);
    commands.add(new SupervisorCommands(roles, dialogs, usage, escalations, notifier, clock));
    commands.add(new SuggestionCommands(roles, dialogs,
        new Suggestions(usage, dialogs.dir(), clock, dialogs.get().catalog().calendar().zone())));
    ExecutorTimer timer = new ExecutorTimer();
    BreakReminders reminders = null;
    String problem = null;
    try {
      reminders = shared.isPresent()
          ? BreakReminders.open(Database.postgres(shared.get(), "shift"), clock, timer, notifier)
          : BreakReminders.open(dataDir, clock, timer, notifier);
      commands.add(new BreakCommand(reminders, dialogs::shift, clock, dialogs.get().catalog().calendar().zone()));
    } catch (IllegalStateException e) {
      LOG.warn("break reminders off: {}", e.getMessage());
      problem = e.getMessage();
    }
    commands.add(new ShiftEndCommand(dialogs, dialogs::shift, clock));
    return new Supervision(commands, feedback, timer, reminders, problem);
  }

  public List<Command> commands() {
    return commands;
  }

  public ReplyDecorator decorator() {
    return feedback;
  }

  /** Why the break reminders are off, when they are. */
  public Optional<String> remindersProblem() {
    return Optional.ofNullable(remindersProblem);
  }

  public boolean remindersOn() {
    return reminders != null;
  }

  @Override
  public void close() {
    if (reminders != null) {
      reminders.close();
    }
    timer.close();
  }
}
