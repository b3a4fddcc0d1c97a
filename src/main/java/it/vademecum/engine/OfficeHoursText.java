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

  private OfficeHoursText() {}

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
