package it.vademecum.dashboard;

import it.vademecum.usage.UsageLog;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Phrasings agents used that a topic could learn, waiting for a supervisor to accept them (in chat:
 * {@code suggerimenti accetta N}); they live in the usage store, already redacted.
 */
public interface Suggestions {

  /** The suggestions not yet accepted or rejected, strongest first. */
  List<Suggestion> pending(int limit);

  /** Whether a suggestion store exists (the page says so rather than "none to accept"). */
  default boolean available() {
    return true;
  }

  /**
   * @param text the phrasing to add, already redacted
   * @param evidence how many times agents led this phrasing to this topic
   */
  record Suggestion(String topicId, String title, String text, long evidence) {}

  /** The open suggestions of the usage store, the most frequent first, with the topics' titles. */
  static Suggestions of(UsageLog usage, Function<String, String> titles) {
    return limit -> usage.openSuggestions(limit).stream()
        .sorted(Comparator.comparingLong(UsageLog.Suggestion::count).reversed())
        .limit(limit)
        .map(s -> new Suggestion(s.topicId(), titles.apply(s.topicId()), s.text(), s.count()))
        .toList();
  }

  /** No suggestion store (tests of the other sections). */
  Suggestions NONE = new Suggestions() {
    @Override
    public List<Suggestion> pending(int limit) {
      return List.of();
    }

    @Override
    public boolean available() {
      return false;
    }
  };
}
