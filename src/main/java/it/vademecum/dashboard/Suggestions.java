package it.vademecum.dashboard;

import java.util.List;

/**
 * Phrasings agents used that a topic could learn, waiting for a supervisor to accept them. They
 * come with the recognition work's suggestion store; until it is wired in, {@link #NONE} has none.
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

  /** No suggestion store yet. */
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
