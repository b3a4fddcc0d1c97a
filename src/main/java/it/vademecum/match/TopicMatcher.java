package it.vademecum.match;

/** Finds the topic of a free Italian sentence. Implementations are immutable and thread-safe. */
public interface TopicMatcher {
  Ranking rank(String text);
}
