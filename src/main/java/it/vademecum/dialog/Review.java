package it.vademecum.dialog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Topics past their review date ("verified" plus "reviewEvery"), oldest first. */
public final class Review {

  private Review() {}

  /** A topic that should have been checked against the notes again by {@code due}. */
  public record Overdue(Topic topic, LocalDate due) {
    /** One Italian line for supervisors and lint. */
    public String line() {
      return topic.id() + ": verificato il " + topic.verified() + " da " + topic.owner() + ", da rivedere dal " + due;
    }
  }

  public static List<Overdue> overdue(Catalog catalog, LocalDate today) {
    return catalog.list().stream()
        .filter(t -> t.reviewDue() != null && !t.reviewDue().isAfter(today))
        .map(t -> new Overdue(t, t.reviewDue()))
        .sorted(Comparator.comparing(Overdue::due).thenComparing(o -> o.topic().id()))
        .toList();
  }
}
