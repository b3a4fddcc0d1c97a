package it.vademecum.dialog;

import it.vademecum.hours.BusinessCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated, immutable set of topics with the calendar they branch on, the notes they cite, and its version. */
public record Catalog(
    Map<String, Topic> topics, BusinessCalendar calendar, Notes notes, List<Local> calendarRules, String version) {

  public Catalog {
    topics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    calendarRules = List.copyOf(calendarRules);
  }

  public Optional<Topic> topic(String id) {
    return Optional.ofNullable(id == null ? null : topics.get(id));
  }

  public List<Topic> list() {
    return List.copyOf(topics.values());
  }
}
