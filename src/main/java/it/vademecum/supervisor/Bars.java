package it.vademecum.supervisor;

import java.time.Duration;
import java.util.Locale;

/** Text bars and Italian figures for replies that read as charts on a card or a console. */
final class Bars {

  static final int WIDTH = 12;

  private Bars() {}

  /** A bar of {@code count} out of {@code max}: at least one block for a non-zero count. */
  static String bar(long count, long max) {
    if (count <= 0 || max <= 0) {
      return "";
    }
    int n = (int) Math.max(1, Math.round((double) count * WIDTH / max));
    return "█".repeat(n);
  }

  /** "█████ 12  label". */
  static String line(long count, long max, String label) {
    return bar(count, max) + " " + count + "  " + label;
  }

  static String percent(double share) {
    return String.format(Locale.ITALIAN, "%.1f%%", share * 100);
  }

  /** "da 5 minuti", "da 2 ore e 10 minuti", "da 3 giorni e 1 ora". */
  static String age(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 1) {
      return "da meno di un minuto";
    }
    if (minutes < 60) {
      return "da " + unit(minutes, "minuto", "minuti");
    }
    long hours = minutes / 60;
    if (hours < 24) {
      long m = minutes % 60;
      return "da " + unit(hours, "ora", "ore") + (m == 0 ? "" : " e " + unit(m, "minuto", "minuti"));
    }
    long h = hours % 24;
    return "da " + unit(hours / 24, "giorno", "giorni") + (h == 0 ? "" : " e " + unit(h, "ora", "ore"));
  }

  private static String unit(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
