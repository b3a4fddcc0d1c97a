package it.vademecum.engine;

import it.vademecum.hours.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Italian sentences on the second level's office hours: open now?, next change, the schedule. */
final class OfficeHoursText {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ITALIAN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ITALIAN);

  /** How agents name the second level, folded. */
  private static final List<String> SECOND_LEVEL = List.of("secondo livello", "2 livello", "2° livello",
      "ii livello", "2o livello", "2nd livello");
  /** Words that ask about its hours, folded; "aperto" alone is not one («ticket aperto al secondo livello»). */
  private static final List<String> HOURS = List.of("orari", "orario", "a che ora", "che ore", "quando apre",
      "quando aprono", "quando chiude", "quando chiudono", "livello e aperto", "livello e chiuso");

  /**
   * Words of a case rather than of a question about hours, folded: «pratica del secondo livello,
   * siamo fuori orario, il cliente chiama» is a ticket to handle, which its topic answers.
   */
  private static final List<String> A_CASE = List.of("ticket", "pratica", "sollecit", "cliente", "chiama",
      "fuori orario");

  private OfficeHoursText() {}

  /**
   * Whether a typed sentence only asks when the second level is open («a che ora risponde il
   * secondo livello?», «orari del 2° livello»), which {@code orari} answers; not a case that
   * mentions its hours.
   */
  static boolean asked(String folded) {
    return SECOND_LEVEL.stream().anyMatch(folded::contains) && HOURS.stream().anyMatch(folded::contains)
        && A_CASE.stream().noneMatch(folded::contains);
  }

  static String now(BusinessCalendar cal, Instant now) {
    ZonedDateTime here = now.atZone(cal.zone());
    if (cal.isOpen(now)) {
      ZonedDateTime close = cal.nextClosing(now).orElseThrow();
      return "Il secondo livello è aperto ora: chiude alle " + TIME.format(close) + ".";
    }
    StringBuilder b = new StringBuilder("Il secondo livello è chiuso ora");
    Optional<String> holiday = cal.holidayName(here.toLocalDate());
    holiday.ifPresent(h -> b.append(" (oggi è festa: ").append(h).append(")"));
    Optional<ZonedDateTime> open = cal.nextOpening(now);
    if (open.isPresent()) {
      b.append(": riapre ").append(when(here.toLocalDate(), open.get())).append('.');
    } else {
      b.append('.');
    }
    return b.toString();
  }

  static List<String> schedule(BusinessCalendar cal) {
    List<String> out = new ArrayList<>();
    List<String> slots = cal.slots().stream().map(s -> TIME.format(s.from()) + "–" + TIME.format(s.to())).toList();
    out.add("Orari: " + days(cal) + ", " + String.join(" e ", slots) + " (ora italiana).");
    out.add("Chiuso nelle festività nazionali" + (cal.easterMondayName().isPresent() ? ", Pasquetta compresa." : "."));
    return out;
  }

  private static String when(LocalDate today, ZonedDateTime at) {
    LocalDate d = at.toLocalDate();
    String day = d.equals(today) ? "oggi" : d.equals(today.plusDays(1)) ? "domani" : DAY.format(at);
    return day + " alle " + TIME.format(at);
  }

  private static String days(BusinessCalendar cal) {
    List<DayOfWeek> open = cal.openDays().stream().sorted().toList();
    boolean contiguous = open.get(open.size() - 1).getValue() - open.get(0).getValue() == open.size() - 1;
    if (contiguous && open.size() > 2) {
      return "da " + name(open.get(0)) + " a " + name(open.get(open.size() - 1));
    }
    return String.join(", ", open.stream().map(OfficeHoursText::name).toList());
  }

  private static String name(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL, Locale.ITALIAN);
  }
}
