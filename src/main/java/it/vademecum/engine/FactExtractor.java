package it.vademecum.engine;

import it.vademecum.dialog.Condition.Facts;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds facts in an agent's sentence: an amount in euro, the time elapsed (hours or days), a PEC
 * address or a bare domain ("@ingpec.eu").
 */
public final class FactExtractor {

  private static final String NUMBER = "(\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
  private static final String MORE = "(?:(più\\s+di|piu\\s+di|oltre|sopra\\s+(?:i|ai|a)?|superiore\\s+a|>)\\s*)?";
  private static final Pattern AMOUNT_AFTER = Pattern.compile(
      MORE + NUMBER + "\\s*(?:€|euro\\b|eur\\b)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern AMOUNT_BEFORE = Pattern.compile(
      MORE + "(?:€|eur\\b|euro\\b)\\s*" + NUMBER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ELAPSED = Pattern.compile(
      MORE + "(\\d+|un|una|uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|quindici|venti)\\s*"
          + "(ore|ora|h|hr|giorni|giorno|gg|g|settimane|settimana|sett|mesi|mese)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ADDRESS = Pattern.compile(
      "[\\p{L}0-9._%+-]+@([\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+)", Pattern.UNICODE_CASE);
  private static final Pattern BARE_DOMAIN = Pattern.compile(
      "(?<![\\p{L}0-9._%+-])@([\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+)", Pattern.UNICODE_CASE);
  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("un", 1), Map.entry("una", 1), Map.entry("uno", 1), Map.entry("due", 2),
      Map.entry("tre", 3), Map.entry("quattro", 4), Map.entry("cinque", 5), Map.entry("sei", 6),
      Map.entry("sette", 7), Map.entry("otto", 8), Map.entry("nove", 9), Map.entry("dieci", 10),
      Map.entry("quindici", 15), Map.entry("venti", 20));

  private FactExtractor() {}

  public static Facts extract(String text) {
    Optional<String> address = address(text);
    Optional<String> domain = address.map(a -> a.substring(a.indexOf('@') + 1)).or(() -> {
      Matcher m = BARE_DOMAIN.matcher(text);
      return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    });
    return new Facts(amount(text), hours(text), address, domain);
  }

  /** The first e-mail address of the text, lower-cased, without trailing punctuation. */
  public static Optional<String> address(String text) {
    Matcher m = ADDRESS.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String a = m.group().toLowerCase(Locale.ROOT);
    while (a.endsWith(".") || a.endsWith("-")) {
      a = a.substring(0, a.length() - 1);
    }
    return Optional.of(a);
  }

  /** Whether the whole text is one e-mail address. */
  public static boolean isAddress(String text) {
    String t = text.strip();
    return ADDRESS.matcher(t).matches() && t.length() <= 254;
  }

  static Optional<Double> amount(String text) {
    Matcher m = AMOUNT_AFTER.matcher(text);
    if (m.find()) {
      return Optional.of(number(m.group(2)) + (m.group(1) != null ? 0.01 : 0));
    }
    m = AMOUNT_BEFORE.matcher(text);
    if (m.find()) {
      return Optional.of(number(m.group(2)) + (m.group(1) != null ? 0.01 : 0));
    }
    return Optional.empty();
  }

  static Optional<Double> hours(String text) {
    Matcher m = ELAPSED.matcher(text);
    while (m.find()) {
      String q = m.group(2).toLowerCase(Locale.ROOT);
      double n = WORDS.containsKey(q) ? WORDS.get(q) : Double.parseDouble(q);
      String unit = m.group(3).toLowerCase(Locale.ROOT);
      double hours = switch (unit) {
        case "ore", "ora", "h", "hr" -> n;
        case "giorni", "giorno", "gg", "g" -> n * 24;
        case "settimane", "settimana", "sett" -> n * 24 * 7;
        default -> n * 24 * 30;
      };
      return Optional.of(hours + (m.group(1) != null ? 0.01 : 0));
    }
    return Optional.empty();
  }

  /** "1.200,50" and "600.5" alike; a dot followed by three digits is a thousands separator. */
  static double number(String s) {
    String t = s;
    if (t.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) {
      t = t.replace(".", "");
    }
    return Double.parseDouble(t.replace(',', '.'));
  }
}
