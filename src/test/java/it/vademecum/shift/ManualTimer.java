package it.vademecum.shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Timer} that runs nothing until the test calls {@link #runDue()} at the clock's time. */
public final class ManualTimer implements Timer {

  private final Clock clock;
  private final List<Task> tasks = new ArrayList<>();

  private static final class Task implements Scheduled {
    final Instant due;
    final Runnable run;
    boolean cancelled;

    Task(Instant due, Runnable run) {
      this.due = due;
      this.run = run;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  public ManualTimer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Scheduled schedule(Runnable task, Duration delay) {
    Task t = new Task(clock.instant().plus(delay), task);
    tasks.add(t);
    return t;
  }

  /** Runs the tasks due by now, earliest first; returns how many ran. */
  public int runDue() {
    List<Task> due;
    synchronized (this) {
      due = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(clock.instant()))
          .sorted(Comparator.comparing(t -> t.due)).toList();
      tasks.removeAll(due);
    }
    due.forEach(t -> t.run.run());
    return due.size();
  }

  /** When the armed (not cancelled) tasks are due, earliest first. */
  public synchronized List<Instant> armed() {
    return tasks.stream().filter(t -> !t.cancelled).map(t -> t.due).sorted().toList();
  }
}
