package it.vademecum.usage;

import java.time.Instant;
import java.util.List;

/**
 * What agents asked and how the bot did, for supervisors' statistics and to improve triggers.
 *
 * <p>Every free text passed in (sentences, feedback reasons) is redacted by the implementation
 * before it is stored: callers pass the agent's raw text. Agent ids are not customer data and are
 * stored as given. Recording never throws: statistics must not break a conversation. Queries
 * throw {@link UsageStoreException} when the store cannot answer. Implementations are
 * thread-safe; close them once, at shutdown.
 */
public interface UsageLog extends AutoCloseable {

  /** A topic search on the agent's text: the verdict, and the best topic and its score if any. */
  void recordSearch(String agentId, String text, Search search);

  /** The agent picked {@code topicId} among the topics offered for {@code text} (an AMBIGUOUS search). */
  void recordPick(String agentId, String topicId, String text);

  /**
   * A sentence that did not start a topic by itself, and the topic the agent then chose (from the
   * menu, or by rephrasing until a topic started): a candidate trigger for a knowledge editor.
   * The same sentence (case and spacing aside) and topic add up; once decided it is never offered again.
   */
  void recordSuggestion(String agentId, String topicId, String text);

  /** The agent reached the answer (step) {@code nodeId} of {@code topicId}. */
  void recordAnswer(String agentId, String topicId, String nodeId);

  /** 👍 ({@code up}) or 👎 on the answer {@code nodeId} of {@code topicId}, with an optional reason. */
  void recordFeedback(String agentId, String topicId, String nodeId, boolean up, String reason);

  /** No upper bound for the "since" queries: later than anything a store holds. */
  Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  /** Sentences that found no topic or needed a choice since {@code since}, most frequent first. */
  default List<UnmatchedSentence> unmatched(Instant since, int limit) {
    return unmatched(since, END_OF_TIME, limit);
  }

  /** Sentences that found no topic or needed a choice in [{@code from}, {@code to}), most frequent first. */
  List<UnmatchedSentence> unmatched(Instant from, Instant to, int limit);

  /**
   * What agents picked for the sentences that needed a choice, since {@code since}: sentence and
   * topic, most frequent first. Tells which trigger a topic is missing.
   */
  List<PickCount> picks(Instant since, int limit);

  /** Topics started since {@code since} (confident searches plus picks), most asked first. */
  default List<TopicCount> topicsStarted(Instant since, int limit) {
    return topicsStarted(since, END_OF_TIME, limit);
  }

  /** Topics started in [{@code from}, {@code to}) (confident searches plus picks), most asked first. */
  List<TopicCount> topicsStarted(Instant from, Instant to, int limit);

  /** Answers reached since {@code since}, by topic, most first. */
  List<TopicCount> answersByTopic(Instant since, int limit);

  /** How many searches since {@code since}, and how many found no topic or needed a choice. */
  default SearchOutcomes searchOutcomes(Instant since) {
    return searchOutcomes(since, END_OF_TIME);
  }

  /** How many searches in [{@code from}, {@code to}), and how many found no topic or needed a choice. */
  SearchOutcomes searchOutcomes(Instant from, Instant to);

  /** 👍/👎 counts by topic and answer node since {@code since}, most 👎 first. */
  default List<FeedbackCount> feedback(Instant since) {
    return feedback(since, END_OF_TIME);
  }

  /** 👍/👎 counts by topic and answer node in [{@code from}, {@code to}), most 👎 first. */
  List<FeedbackCount> feedback(Instant from, Instant to);

  /** The reasons given with 👎 since {@code since}, newest first (already redacted). */
  default List<FeedbackReason> feedbackReasons(Instant since, int limit) {
    return feedbackReasons(since, END_OF_TIME, limit);
  }

  /** The reasons given with 👎 in [{@code from}, {@code to}), newest first (already redacted). */
  List<FeedbackReason> feedbackReasons(Instant from, Instant to, int limit);

  /** Searches by hour of the day (Europe/Rome) since {@code since}: 24 entries, hour 0 first. */
  default List<HourCount> busiestHours(Instant since) {
    return busiestHours(since, END_OF_TIME);
  }

  /** Searches by hour of the day (Europe/Rome) in [{@code from}, {@code to}): 24 entries, hour 0 first. */
  List<HourCount> busiestHours(Instant from, Instant to);

  /**
   * The suggestions nobody accepted or rejected yet: at most {@code perTopic} per topic, the most
   * frequent first, topics with the most frequent suggestion first.
   */
  List<Suggestion> openSuggestions(int perTopic);

  /** One suggestion by its number, whatever its state. */
  java.util.Optional<Suggestion> suggestion(long id);

  /**
   * Accepts or rejects an open suggestion, naming who decided; false when it is not open (unknown,
   * or already decided). Throws {@link UsageStoreException} when the store cannot answer.
   */
  boolean decideSuggestion(long id, boolean accepted, String decidedBy);

  /**
   * Deletes what was recorded before {@code cutoff} (and open suggestions last seen before it);
   * returns how many rows went.
   */
  int purge(Instant cutoff);

  /** Runs several records as one unit of work (one transaction where the store has them). */
  default void batch(Runnable records) {
    records.run();
  }

  @Override
  void close();

  // ---- results ----------------------------------------------------------------------------------

  /** A redacted sentence, how often it found no topic or needed a choice, and when it was last seen. */
  record UnmatchedSentence(String text, long noTopic, long ambiguous, Instant last) {
    public long count() {
      return noTopic + ambiguous;
    }
  }

  record TopicCount(String topicId, long count) {}

  /** A redacted sentence and the topic agents picked for it, how many times. */
  record PickCount(String text, String topicId, long count) {}

  record SearchOutcomes(long searches, long noTopic, long ambiguous) {
    /** Share of searches with no topic, 0 when there were none. */
    public double noTopicShare() {
      return searches == 0 ? 0 : (double) noTopic / searches;
    }

    public double ambiguousShare() {
      return searches == 0 ? 0 : (double) ambiguous / searches;
    }
  }

  /** A redacted sentence proposed as a trigger of a topic: how often, last seen, and its state. */
  record Suggestion(long id, String topicId, String text, long count, Instant last, State state, String decidedBy) {
    public enum State { OPEN, ACCEPTED, REJECTED }
  }

  record FeedbackCount(String topicId, String nodeId, long up, long down) {}

  record FeedbackReason(Instant at, String topicId, String nodeId, String reason) {}

  /** {@code hour} 0..23 in Europe/Rome. */
  record HourCount(int hour, long count) {}

  /** A log that keeps nothing: for tests and for a front end whose store could not be opened. */
  static UsageLog disabled() {
    return DisabledUsageLog.INSTANCE;
  }
}
