package it.vademecum.learning;

import it.vademecum.dialog.Problem;
import it.vademecum.usage.UsageLog;
import it.vademecum.usage.UsageLog.Suggestion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The loop that learns from agents: the sentences they resolved by a pick or a rephrase (recorded,
 * redacted, in the usage store), listed for a knowledge editor who accepts one, which becomes a
 * learned trigger of its topic in dialogs/ after lint, or rejects it, so it is not proposed again.
 * The caller reloads the dialogs after an acceptance (the server's watcher also sees the file change).
 */
public final class Suggestions {

  /** How a decision went. */
  public enum Result { ACCEPTED, ALREADY_A_TRIGGER, REJECTED, NOT_OPEN, LINT_FAILED }

  /** The outcome of a decision on suggestion {@code id}; {@code problems} when the lint refused the change. */
  public record Decision(Result result, Optional<Suggestion> suggestion, List<Problem> problems) {}

  private final UsageLog usage;
  private final LearnedTriggers triggers;
  private final Clock clock;
  private final ZoneId zone;

  public Suggestions(UsageLog usage, Path dialogs, Clock clock, ZoneId zone) {
    this.usage = usage;
    this.triggers = new LearnedTriggers(dialogs);
    this.clock = clock;
    this.zone = zone;
  }

  /** The open suggestions, at most {@code perTopic} per topic, the most frequent first. */
  public List<Suggestion> open(int perTopic) {
    return usage.openSuggestions(perTopic);
  }

  /** Adds suggestion {@code id} to its topic's learned triggers (after lint) and marks it accepted by {@code by}. */
  public Decision accept(long id, String by) {
    Optional<Suggestion> s = usage.suggestion(id).filter(x -> x.state() == Suggestion.State.OPEN);
    if (s.isEmpty()) {
      return new Decision(Result.NOT_OPEN, usage.suggestion(id), List.of());
    }
    Suggestion sg = s.get();
    String why = "Suggerimento n. " + sg.id() + ": gli agenti hanno scelto questo argomento per la frase "
        + (sg.count() == 1 ? "1 volta." : sg.count() + " volte.");
    LearnedTriggers.Outcome o = triggers.add(sg.topicId(), sg.text(), by, LocalDate.now(clock.withZone(zone)), why);
    if (!o.ok()) {
      return new Decision(Result.LINT_FAILED, s, o.problems());
    }
    if (!usage.decideSuggestion(id, true, by)) {
      return new Decision(Result.NOT_OPEN, usage.suggestion(id), List.of());
    }
    return new Decision(o.alreadyThere() ? Result.ALREADY_A_TRIGGER : Result.ACCEPTED, s, List.of());
  }

  /** Marks suggestion {@code id} rejected by {@code by}: it is never proposed again. */
  public Decision reject(long id, String by) {
    Optional<Suggestion> s = usage.suggestion(id);
    if (s.isEmpty() || !usage.decideSuggestion(id, false, by)) {
      return new Decision(Result.NOT_OPEN, s, List.of());
    }
    return new Decision(Result.REJECTED, s, List.of());
  }
}
