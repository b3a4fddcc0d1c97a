package it.vademecum.privacy;

import it.vademecum.config.TypedSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces customer personal data in Italian agent text with typed markers, before anything is
 * stored or logged. Pure, immutable and thread-safe; patterns are compiled once.
 *
 * <ul>
 *   <li>e-mail and PEC addresses → {@code [email]}, or {@code [email]@domain} when the domain is a
 *       PEC provider's or Aruba's own (configurable list: it routes the case to the right partner and
 *       says nothing about the person; any other domain may be a person's or a small firm's, so it
 *       goes);</li>
 *   <li>IBAN of any country, with or without spaces, mod-97 checked → {@code [iban]};</li>
 *   <li>codice fiscale of 16 characters (omocodia included) → {@code [cf]}: redacted when the check
 *       character is right, and also when it is wrong but the code has digits (a mistyped code
 *       still gives surname, name, birth date and place); all-letter strings need the right check
 *       character, so ordinary words never match;</li>
 *   <li>partita IVA, 11 digits with its check digit, with or without "IT" → {@code [piva]};
 *       11 digits after "cf"/"codice fiscale" → {@code [cf]} (companies' numeric codice fiscale);</li>
 *   <li>phone numbers: Italian mobiles (3xx, 9–10 digits), landlines (0x, 8–11 digits), +39/0039
 *       and other international prefixes, with spaces, dots, dashes, slashes or brackets;
 *       any 6–15 digits after "tel", "cell", "telefono"… → {@code [telefono]};</li>
 *   <li>payment card numbers, 13–19 digits passing Luhn → {@code [carta]}.</li>
 * </ul>
 *
 * <p>Kept as they are: numbers labelled as order, ticket, CRO/TRN, invoice, protocol or reference
 * numbers ("ordine 3312345678", "tkt #4412345", "CRO 12345678901"), dates, times, amounts, short
 * numbers ("72 ore", "500 €"), procedure codes (PRO11271), and Aruba's own published phone numbers.
 */
public final class Redactor {

  /** PEC providers' and Aruba's own domains, kept after {@code [email]}. */
  public static final List<String> DEFAULT_PROVIDER_DOMAINS = List.of(
      "pec.it", "pec.aruba.it", "ingpec.eu", "archiworldpec.it", "legalmail.it", "cert.legalmail.it",
      "postecert.it", "aruba.it", "staff.aruba.it");

  /** Aruba's published support numbers: not customer data. */
  public static final List<String> DEFAULT_PUBLIC_NUMBERS = List.of("0575050013", "0575050014", "05750505");

  public static final String EMAIL = "[email]";
  public static final String PHONE = "[telefono]";
  public static final String CF = "[cf]";
  public static final String PIVA = "[piva]";
  public static final String IBAN = "[iban]";
  public static final String CARD = "[carta]";

  private static final Pattern EMAIL_ADDRESS = Pattern.compile(
      "(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]+@((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,})");

  private static final Pattern IBAN_START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}[0-9]{2}");

  private static final String CF_DIGIT = "[0-9LMNPQRSTUVlmnpqrstuv]";
  private static final Pattern CODICE_FISCALE = Pattern.compile(
      "(?<![\\p{L}\\p{N}])[A-Za-z]{6}" + CF_DIGIT + "{2}[ABCDEHLMPRSTabcdehlmprst]" + CF_DIGIT + "{2}[A-Za-z]"
          + CF_DIGIT + "{3}[A-Za-z](?![\\p{L}\\p{N}])");

  private static final Pattern PIVA_WITH_PREFIX = Pattern.compile(
      "(?<![\\p{L}\\p{N}])[Ii][Tt] ?([0-9]{11})(?![\\p{N}])");

  /** A run of digit groups joined by single separators; an optional leading '+'. */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}+#])\\+?\\d+(?:[ .\\-/()]{1,2}\\d+)*");

  private static final Pattern DATE = Pattern.compile(
      "(?<![\\d.\\-/])(?:0?[1-9]|[12]\\d|3[01])([./\\-])(?:0?[1-9]|1[0-2])\\1(?:\\d{4}|\\d{2})(?!\\d)(?![./\\-]\\d)");
  private static final Pattern TIME = Pattern.compile(
      "(?<![\\d.])(?:[01]?\\d|2[0-3])[.:][0-5]\\d(?!\\d)(?![.:]\\d)");

  /** Labels after which a number is an identifier of Aruba's systems, not a person's data. */
  private static final Pattern NOT_PERSONAL_LABEL = Pattern.compile(
      "(?iu)(?:(?<![\\p{L}])(?:ordine|ordini|ord|ordinativo|ticket|tkt|tk|pratica|cro|trn|fattura|fatt|ft|"
          + "protocollo|prot|rif|riferimento|contratto|transazione|operazione|id|procedura|pro)"
          + "\\s*[.:]?\\s*(?:n\\.?|nr\\.?|n°|num\\.?|numero|no\\.?)?\\s*[:.]?\\s*#?\\s*|#\\s*)$");

  private static final Pattern CF_LABEL = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:c\\.? ?f|cod(?:ice)?\\.? ?fisc(?:ale)?)\\.?\\s*[:.]?\\s*$");
  private static final Pattern PIVA_LABEL = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:p\\.? ?iva|partita iva|vat)\\.?\\s*[:.]?\\s*$");
  private static final Pattern PHONE_LABEL = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:tel|telefono|telef|cel|cell|cellulare|fisso|recapito|whatsapp|wa|numero di telefono)"
          + "\\.?\\s*[:.]?\\s*$");

  private static final int LABEL_WINDOW = 40;

  private final Set<String> providerDomains;
  private final Set<String> publicNumbers;

  public Redactor(Collection<String> providerDomains, Collection<String> publicNumbers) {
    this.providerDomains = providerDomains.stream()
        .map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
        .map(d -> d.startsWith("@") ? d.substring(1) : d)
        .collect(Collectors.toUnmodifiableSet());
    this.publicNumbers = publicNumbers.stream()
        .map(n -> n.replaceAll("\\D", "")).filter(n -> !n.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The default provider domains and Aruba's published numbers. */
  public static Redactor defaults() {
    return new Redactor(DEFAULT_PROVIDER_DOMAINS, DEFAULT_PUBLIC_NUMBERS);
  }

  /**
   * From the settings: {@code PEC_PROVIDER_DOMAINS} and {@code PUBLIC_PHONE_NUMBERS} replace the
   * defaults when set.
   */
  public static Redactor from(TypedSettings.Redaction settings) {
    return new Redactor(settings.providerDomains().orElse(DEFAULT_PROVIDER_DOMAINS),
        settings.publicNumbers().orElse(DEFAULT_PUBLIC_NUMBERS));
  }

  public Set<String> providerDomains() {
    return providerDomains;
  }

  /** The text with personal data replaced by markers; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = emails(text);
    s = ibans(s);
    s = codiciFiscali(s);
    s = prefixedPartiteIva(s);
    return numbers(s);
  }

  // ---- e-mail -----------------------------------------------------------------------------------

  private String emails(String s) {
    if (s.indexOf('@') < 0) {
      return s;
    }
    Matcher m = EMAIL_ADDRESS.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String domain = m.group(1).toLowerCase(Locale.ROOT);
      m.appendReplacement(out, Matcher.quoteReplacement(
          providerDomains.contains(domain) ? EMAIL + "@" + domain : EMAIL));
    }
    m.appendTail(out);
    return out.toString();
  }

  // ---- IBAN ---------------------------------------------------------------------------------------

  private static boolean alnum(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static String ibans(String s) {
    Matcher m = IBAN_START.matcher(s);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < s.length() && m.find(from)) {
      int start = m.start();
      StringBuilder compact = new StringBuilder(m.group());
      List<int[]> ends = new ArrayList<>(); // {end position, compact length}
      int pos = m.end();
      while (pos < s.length() && compact.length() < 34) {
        char c = s.charAt(pos);
        if (alnum(c)) {
          compact.append(c);
          pos++;
          if (pos == s.length() || !alnum(s.charAt(pos))) {
            ends.add(new int[] {pos, compact.length()});
          }
        } else if ((c == ' ' || c == '-') && pos + 1 < s.length() && alnum(s.charAt(pos + 1))) {
          pos++;
        } else {
          break;
        }
      }
      int matchedEnd = -1;
      for (int k = ends.size() - 1; k >= 0; k--) {
        int len = ends.get(k)[1];
        if (len >= 15 && Checksums.iban(compact.substring(0, len))) {
          matchedEnd = ends.get(k)[0];
          break;
        }
      }
      if (matchedEnd < 0) {
        from = m.end();
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, start).append(IBAN);
      copied = matchedEnd;
      from = matchedEnd;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  // ---- codice fiscale, partita IVA with prefix -------------------------------------------------

  private static String codiciFiscali(String s) {
    return replaceWhere(s, CODICE_FISCALE,
        m -> Checksums.codiceFiscale(m.group()) || m.group().chars().anyMatch(Character::isDigit), CF);
  }

  private static String prefixedPartiteIva(String s) {
    return replaceWhere(s, PIVA_WITH_PREFIX, m -> Checksums.partitaIva(m.group(1)), PIVA);
  }

  /** Every match of {@code pattern} that {@code keep} accepts becomes {@code label}; s itself when none. */
  private static String replaceWhere(String s, Pattern pattern, Predicate<Matcher> keep, String label) {
    Matcher m = pattern.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    boolean any = false;
    while (m.find()) {
      if (keep.test(m)) {
        m.appendReplacement(out, Matcher.quoteReplacement(label));
        any = true;
      }
    }
    if (!any) {
      return s;
    }
    m.appendTail(out);
    return out.toString();
  }

  // ---- phone numbers, partite IVA, cards --------------------------------------------------------

  private String numbers(String s) {
    Matcher m = NUMBER.matcher(s);
    List<int[]> protectedRanges = null;
    StringBuilder out = null;
    int copied = 0;
    while (m.find()) {
      List<int[]> groups = groups(s, m.start(), m.end());
      long digits = groups.stream().mapToInt(g -> g[1] - g[0]).sum();
      if (digits < 6) {
        continue;
      }
      String before = s.substring(Math.max(0, m.start() - LABEL_WINDOW), m.start());
      if (NOT_PERSONAL_LABEL.matcher(before).find()) {
        continue;
      }
      Label label = CF_LABEL.matcher(before).find() ? Label.CF
          : PIVA_LABEL.matcher(before).find() ? Label.PIVA
          : PHONE_LABEL.matcher(before).find() ? Label.PHONE : Label.NONE;
      if (protectedRanges == null) {
        protectedRanges = protectedRanges(s);
      }
      int i = 0;
      while (i < groups.size()) {
        int found = -1;
        String marker = null;
        // Aruba's own numbers win over a longer run they are glued to ("05750505/05")
        for (int j = i; j < groups.size() && found < 0; j++) {
          if (isPublicNumber(s, groups, i, j)) {
            found = j;
            marker = "";
          }
        }
        for (int j = groups.size() - 1; j >= i && found < 0; j--) {
          int start = groups.get(i)[0];
          int end = groups.get(j)[1];
          if (overlaps(protectedRanges, start, end)) {
            continue;
          }
          String kind = classify(s, groups, i, j, i == 0 ? label : Label.NONE);
          if (kind != null) {
            found = j;
            marker = kind;
            break;
          }
        }
        if (found < 0) {
          i++;
          continue;
        }
        if (!marker.isEmpty()) {
          if (out == null) {
            out = new StringBuilder(s.length());
          }
          int start = groups.get(i)[0];
          // "(0575) 123456": the opening bracket of an area code goes with the number
          if (start > copied && s.charAt(start - 1) == '(' && s.substring(start, groups.get(found)[1]).indexOf(')') > 0) {
            start--;
          }
          out.append(s, copied, start).append(marker);
          copied = groups.get(found)[1];
        }
        i = found + 1;
      }
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  private enum Label { NONE, CF, PIVA, PHONE }

  /** Digit groups of a number run as {start, end}; a leading '+' belongs to the first group. */
  private static List<int[]> groups(String s, int from, int to) {
    List<int[]> groups = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '+' || Character.isDigit(c)) {
        int start = i;
        i++;
        while (i < to && Character.isDigit(s.charAt(i))) {
          i++;
        }
        groups.add(new int[] {start, i});
      } else {
        i++;
      }
    }
    return groups;
  }

  private boolean isPublicNumber(String s, List<int[]> groups, int i, int j) {
    StringBuilder b = new StringBuilder();
    for (int k = i; k <= j; k++) {
      b.append(s, groups.get(k)[0], groups.get(k)[1]);
    }
    String d = b.toString();
    if (d.startsWith("+39")) {
      d = d.substring(3);
    } else if (d.startsWith("0039")) {
      d = d.substring(4);
    }
    return publicNumbers.contains(d);
  }

  /** The marker for the digits of groups i..j, "" to keep them as they are, or null for no number. */
  private String classify(String s, List<int[]> groups, int i, int j, Label label) {
    StringBuilder b = new StringBuilder();
    for (int k = i; k <= j; k++) {
      b.append(s, groups.get(k)[0], groups.get(k)[1]);
    }
    boolean plus = b.length() > 0 && b.charAt(0) == '+';
    String d = plus ? b.substring(1) : b.toString();
    boolean separated = j > i;
    boolean international = false;
    String national = d;
    if (plus && d.startsWith("39")) {
      national = d.substring(2);
      international = true;
    } else if (!plus && d.startsWith("0039") && d.length() > 4) {
      national = d.substring(4);
      international = true;
    }
    if (publicNumbers.contains(national)) {
      return "";
    }
    int n = national.length();
    if (plus && !international) {
      return d.length() >= 8 && d.length() <= 15 ? PHONE : null;
    }
    if (international) {
      return n >= 6 && n <= 11 ? PHONE : null;
    }
    if (label == Label.CF && n == 11) {
      return CF;
    }
    if (label == Label.PIVA && n == 11) {
      return PIVA;
    }
    if (!separated && n == 11 && Checksums.partitaIva(national)) {
      return PIVA;
    }
    if (label == Label.PHONE && n >= 6 && n <= 15) {
      return PHONE;
    }
    if (national.charAt(0) == '3' && n >= 9 && n <= 10) {
      return PHONE;
    }
    if (national.charAt(0) == '0' && n >= 8 && n <= 11) {
      return PHONE;
    }
    if (n >= 13 && n <= 19 && Checksums.luhn(national)) {
      return CARD;
    }
    return null;
  }

  private static List<int[]> protectedRanges(String s) {
    List<int[]> ranges = new ArrayList<>();
    for (Pattern p : List.of(DATE, TIME)) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        ranges.add(new int[] {m.start(), m.end()});
      }
    }
    return ranges;
  }

  private static boolean overlaps(List<int[]> ranges, int start, int end) {
    for (int[] r : ranges) {
      if (r[0] < end && start < r[1]) {
        return true;
      }
    }
    return false;
  }
}
