package it.vademecum.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * Topics whose content is past its review date, with who owns them. The topics' owner and review
 * dates come with the fidelity work; until it is wired in, {@link #NONE} says there are none.
 */
public interface ReviewDates {

  /** The topics whose review was due before or on {@code today}, most overdue first. */
  List<Overdue> overdue(LocalDate today);

  /** Whether topics carry review dates at all (the page says so rather than "none overdue"). */
  default boolean available() {
    return true;
  }

  /**
   * @param verified the day the content was last checked against the notes, or null
   * @param due the day it should have been checked again
   */
  record Overdue(String topicId, String title, String owner, LocalDate verified, LocalDate due) {}

  /** No review dates known yet. */
  ReviewDates NONE = new ReviewDates() {
    @Override
    public List<Overdue> overdue(LocalDate today) {
      return List.of();
    }

    @Override
    public boolean available() {
      return false;
    }
  };
}
