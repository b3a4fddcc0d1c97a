package it.vademecum.engine;

import it.vademecum.dialog.Condition.Facts;
import it.vademecum.hours.Bounds;
import it.vademecum.hours.BusinessCalendar;
import it.vademecum.hours.SaidTime;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds facts in an agent's sentence: an amount in euro, the working hours elapsed since a date or
 * "N giorni fa", how long ago a mailbox expired, a PEC address or a bare domain ("@ingpec.eu").
 */
final class FactExtractor {

  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?");

  private static final String NUMBER = "(\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
  private static final String MORE = "(?:(più\\s+di|piu\\s+di|oltre|sopra\\s+(?:i|ai|a)?|superiore\\s+a|>)\\s*)?";
  private static final Pattern AMOUNT_AFTER = Pattern.compile(
      MORE + NUMBER + "\\s*(?:€|euro\\b|eur\\b)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern AMOUNT_BEFORE = Pattern.compile(
      MORE + "(?:€|eur\\b|euro\\b)\\s*" + NUMBER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ADDRESS = Pattern.compile(
      "[\\p{L}0-9._%+-]+@([\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+)", Pattern.UNICODE_CASE);
  private static final Pattern BARE_DOMAIN = Pattern.compile(
      "(?<![\\p{L}0-9._%+-])@([\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+)", Pattern.UNICODE_CASE);
  private static final Pattern EXPIRY = Pattern.compile(
      "(?<![\\p{L}])scad(?:ut[aoie]|enza|e|uta)?\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private FactExtractor() {}

  /** The facts of the text; elapsed time is counted back from now on the calendar's working hours. */
  public static Facts extract(String text, BusinessCalendar calendar, Instant now) {
    // Most sentences hold no '@' and no euro: then neither pattern below can match, so skip them.
    boolean at = text.indexOf('@') >= 0;
    Optional<String> address = at ? address(text) : Optional.empty();
    Optional<String> domain = !at ? Optional.empty() : address.map(a -> a.substring(a.indexOf('@') + 1)).or(() -> {
      Matcher m = BARE_DOMAIN.matcher(text);
      return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    });
    return new Facts(amount(text), SaidTime.workingHoursSince(text, calendar, now), expiredDays(text, calendar, now),
        address, domain);
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
    if (text.indexOf('€') < 0 && !text.toLowerCase(Locale.ROOT).contains("eur")) {
      return Optional.empty();   // both patterns need "€", "eur" or "euro" (in any case)
    }
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

  /** Days since the mailbox expired: the time said after "scaduta", "scadenza", "scade". */
  static Optional<Bounds> expiredDays(String text, BusinessCalendar calendar, Instant now) {
    Matcher m = EXPIRY.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    return SaidTime.daysSince(text.substring(m.end()), calendar.zone(), now);
  }

  /** "1.200,50" and "600.5" alike; a dot followed by three digits is a thousands separator. */
  static double number(String s) {
    String t = s;
    if (THOUSANDS.matcher(t).matches()) {
      t = t.replace(".", "");
    }
    return Double.parseDouble(t.replace(',', '.'));
  }
}
