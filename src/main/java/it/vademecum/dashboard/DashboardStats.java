package it.vademecum.dashboard;

import it.vademecum.escalation.EscalationStats;
import it.vademecum.escalation.OpenEscalation;
import it.vademecum.escalation.State;
import it.vademecum.usage.UsageLog;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures behind the dashboard, one method per section, read from the usage store and the
 * escalation outbox. Only counts, topic titles, redacted sentences and reasons, and the names of
 * agents waiting for a team lead: no note, no answer, no ticket.
 */
final class DashboardStats {

  static final int TOP_TOPICS = 15;
  static final int UNMATCHED = 50;
  static final int WAITING = 10;
  static final int REASONS = 200;
  static final int REASONS_PER_TOPIC = 5;
  static final int SUGGESTIONS = 50;

  private final UsageLog usage;
  private final Optional<EscalationStats> escalations;
  private final Function<String, String> titles;
  private final ReviewDates reviews;
  private final Suggestions suggestions;
  private final Clock clock;

  DashboardStats(UsageLog usage, Optional<EscalationStats> escalations, Function<String, String> titles,
      ReviewDates reviews, Suggestions suggestions, Clock clock) {
    this.usage = usage;
    this.escalations = escalations;
    this.titles = titles;
    this.reviews = reviews;
    this.suggestions = suggestions;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  // ---- what agents asked --------------------------------------------------------------------------

  /** @param withoutMenu searches that found their topic at once, without a menu of topics */
  record Overview(String from, String to, boolean clamped, long searches, long withoutMenu, long menu, long noTopic) {}

  Overview overview(StatsRange r) {
    UsageLog.SearchOutcomes o = usage.searchOutcomes(r.start(), r.end());
    return new Overview(r.from().toString(), r.to().toString(), r.clamped(), o.searches(),
        o.searches() - o.ambiguous() - o.noTopic(), o.ambiguous(), o.noTopic());
  }

  record DayRow(String day, long searches, long withoutMenu, long menu, long noTopic) {}

  List<DayRow> days(StatsRange r) {
    List<DayRow> rows = new ArrayList<>();
    for (StatsRange.Day d : r.days()) {
      UsageLog.SearchOutcomes o = usage.searchOutcomes(d.start(), d.end());
      rows.add(new DayRow(d.date().toString(), o.searches(), o.searches() - o.ambiguous() - o.noTopic(),
          o.ambiguous(), o.noTopic()));
    }
    return rows;
  }

  List<UsageLog.HourCount> hours(StatsRange r) {
    return usage.busiestHours(r.start(), r.end());
  }

  record TopicRow(String topicId, String title, long count) {}

  List<TopicRow> topics(StatsRange r) {
    return usage.topicsStarted(r.start(), r.end(), TOP_TOPICS).stream()
        .map(t -> new TopicRow(t.topicId(), titles.apply(t.topicId()), t.count())).toList();
  }

  record UnmatchedRow(String text, long count, long noTopic, long menu) {}

  List<UnmatchedRow> unmatched(StatsRange r) {
    return usage.unmatched(r.start(), r.end(), UNMATCHED).stream()
        .map(u -> new UnmatchedRow(u.text(), u.count(), u.noTopic(), u.ambiguous())).toList();
  }

  // ---- escalations --------------------------------------------------------------------------------

  /** Minutes from sending to take-over on one day (the day of the take-over). */
  record TakeOverDay(String day, int taken, Double medianMinutes, Double p90Minutes) {}

  record Waiting(String agent, String topic, String state, String since, long minutes) {}

  /**
   * @param available whether there is an outbox at all (without one, agents contact the TL by hand)
   * @param open escalations created in the range that no team lead has taken yet
   */
  record Escalations(boolean available, long created, long open, long taken, long uncertain,
      Double medianMinutes, Double p90Minutes, List<TakeOverDay> takeOver, List<Waiting> waiting) {}

  Escalations escalations(StatsRange r) {
    if (escalations.isEmpty()) {
      return new Escalations(false, 0, 0, 0, 0, null, null, List.of(), List.of());
    }
    EscalationStats e = escalations.get();
    Map<State, Long> byState = e.countByState(r.start(), r.end());
    long created = byState.values().stream().mapToLong(Long::longValue).sum();
    long taken = byState.getOrDefault(State.TAKEN, 0L);
    Map<LocalDate, List<Double>> minutes = new TreeMap<>();
    for (StatsRange.Day d : r.days()) {
      minutes.put(d.date(), new ArrayList<>());
    }
    for (EscalationStats.TakeOver t : e.takeOvers(r.start(), r.end())) {
      minutes.computeIfAbsent(r.day(t.taken()), k -> new ArrayList<>())
          .add(Duration.between(t.sent(), t.taken()).toSeconds() / 60.0);
    }
    List<TakeOverDay> days = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    minutes.values().forEach(all::addAll);
    minutes.forEach((day, m) -> days.add(new TakeOverDay(day.toString(), m.size(), percentile(m, 50),
        percentile(m, 90))));
    List<Waiting> waiting = e.open().stream().sorted(Comparator.comparing(OpenEscalation::createdAt)).limit(WAITING)
        .map(o -> new Waiting(o.agent(), o.topicTitle(), o.state().label(), o.createdAt().toString(),
            Duration.between(o.createdAt(), clock.instant()).toMinutes()))
        .toList();
    return new Escalations(true, created, created - taken, taken, byState.getOrDefault(State.UNCERTAIN, 0L),
        percentile(all, 50), percentile(all, 90), days, waiting);
  }

  /** Nearest-rank percentile, rounded to a tenth of a minute; null for no values. */
  static Double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
  }

  // ---- feedback -----------------------------------------------------------------------------------

  record FeedbackRow(String topicId, String title, long up, long down, List<String> reasons) {}

  /** 👍/👎 per topic, most 👎 first (then the lower share of 👍), with the latest reasons given. */
  List<FeedbackRow> feedback(StatsRange r) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (UsageLog.FeedbackCount f : usage.feedback(r.start(), r.end())) {
      long[] c = counts.computeIfAbsent(f.topicId(), k -> new long[2]);
      c[0] += f.up();
      c[1] += f.down();
    }
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    for (UsageLog.FeedbackReason fr : usage.feedbackReasons(r.start(), r.end(), REASONS)) {
      List<String> list = reasons.computeIfAbsent(fr.topicId(), k -> new ArrayList<>());
      if (list.size() < REASONS_PER_TOPIC) {
        list.add(fr.reason());
      }
    }
    return counts.entrySet().stream()
        .map(en -> new FeedbackRow(en.getKey(), titles.apply(en.getKey()), en.getValue()[0], en.getValue()[1],
            reasons.getOrDefault(en.getKey(), List.of())))
        .sorted(Comparator.comparingLong(FeedbackRow::down).reversed()
            .thenComparingDouble(f -> (double) f.up() / Math.max(1, f.up() + f.down()))
            .thenComparing(FeedbackRow::topicId))
        .toList();
  }

  // ---- topics to review, suggestions ----------------------------------------------------------------

  record Reviews(boolean available, List<ReviewDates.Overdue> overdue) {}

  Reviews reviews() {
    return new Reviews(reviews.available(), reviews.overdue(clock.instant().atZone(it.vademecum.usage.H2UsageLog.ROME).toLocalDate()));
  }

  record PendingSuggestions(boolean available, List<Suggestions.Suggestion> pending) {}

  PendingSuggestions suggestions() {
    return new PendingSuggestions(suggestions.available(), suggestions.pending(SUGGESTIONS));
  }
}
