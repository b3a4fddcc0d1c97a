package it.vademecum.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps nothing and answers empty statistics. */
final class DisabledUsageLog implements UsageLog {

  static final DisabledUsageLog INSTANCE = new DisabledUsageLog();

  private DisabledUsageLog() {}

  @Override
  public void recordSearch(String agentId, String text, Search search) {}

  @Override
  public void recordPick(String agentId, String topicId, String text) {}

  @Override
  public void recordSuggestion(String agentId, String topicId, String text) {}

  @Override
  public List<Suggestion> openSuggestions(int perTopic) {
    return List.of();
  }

  @Override
  public java.util.Optional<Suggestion> suggestion(long id) {
    return java.util.Optional.empty();
  }

  @Override
  public boolean decideSuggestion(long id, boolean accepted, String decidedBy) {
    return false;
  }

  @Override
  public void recordAnswer(String agentId, String topicId, String nodeId) {}

  @Override
  public void recordFeedback(String agentId, String topicId, String nodeId, boolean up, String reason) {}

  @Override
  public List<UnmatchedSentence> unmatched(Instant from, Instant to, int limit) {
    return List.of();
  }

  @Override
  public List<PickCount> picks(Instant since, int limit) {
    return List.of();
  }

  @Override
  public List<TopicCount> topicsStarted(Instant from, Instant to, int limit) {
    return List.of();
  }

  @Override
  public List<TopicCount> answersByTopic(Instant since, int limit) {
    return List.of();
  }

  @Override
  public SearchOutcomes searchOutcomes(Instant from, Instant to) {
    return new SearchOutcomes(0, 0, 0);
  }

  @Override
  public List<FeedbackCount> feedback(Instant from, Instant to) {
    return List.of();
  }

  @Override
  public List<FeedbackReason> feedbackReasons(Instant from, Instant to, int limit) {
    return List.of();
  }

  @Override
  public List<HourCount> busiestHours(Instant from, Instant to) {
    List<HourCount> hours = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      hours.add(new HourCount(h, 0));
    }
    return List.copyOf(hours);
  }

  @Override
  public int purge(Instant cutoff) {
    return 0;
  }

  @Override
  public void close() {}
}
