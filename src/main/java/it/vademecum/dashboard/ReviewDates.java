package it.vademecum.dashboard;

import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Review;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Topics whose content is past its review date, with who owns them: each topic's {@code verified}
 * date plus its {@code reviewEvery} period (see docs/provenance.md).
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

  /** The topics of the dialogs in force ({@code null} while they load: none then). */
  static ReviewDates of(Supplier<Catalog> catalog) {
    return today -> Optional.ofNullable(catalog.get())
        .map(c -> Review.overdue(c, today).stream()
            .map(o -> new Overdue(o.topic().id(), o.topic().title(), o.topic().owner(), o.topic().verified(), o.due()))
            .toList())
        .orElse(List.of());
  }

  /** No review dates known (tests of the other sections). */
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
