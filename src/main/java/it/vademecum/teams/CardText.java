package it.vademecum.teams;

import java.util.regex.Pattern;

/**
 * Text that goes into an Adaptive Card as written, whatever it contains. Teams renders a subset
 * of Markdown in TextBlocks and FactSets, so a value an agent typed (a note, a ticket number, a
 * name, an address) could otherwise carry a link with a misleading title, a mention or HTML into
 * the agent's card or the team leads' channel. Use {@link #plain(String)} for every such value, in
 * this package's cards and in any other card (the team leads' escalation card).
 *
 * <p>What it does, so that it works on every Teams client (desktop, web, mobile render Markdown
 * differently and not all honour backslash escapes): control and format characters (NUL,
 * right-to-left and zero-width marks) are dropped; line breaks and tabs become spaces, so no list,
 * heading or quote can start; {@code <} and {@code >} become the look-alikes {@code ‹ ›}, so no
 * tag, {@code <at>} mention or {@code <url>} autolink survives; {@code ](} becomes {@code ] (}, so
 * {@code [title](url)} (and {@code ![alt](url)}) is no longer a link or an image; leading spaces go, so no
 * indented code block starts; a leading block marker ({@code - }, {@code * }, {@code + }, {@code 1. },
 * {@code 1) }, {@code # }, a rule such as {@code ---}, a fence such as {@code ```}) loses its meaning
 * (a no-break space after a list marker, look-alike characters for the others); the result is capped at
 * {@link #MAX} characters.
 * Emphasis ({@code **}, {@code _}) is left alone: it cannot hide anything, and underscores are
 * common in queue names. A bare URL stays readable as it is, its visible text being its target.
 */
final class CardText {

  /** Longest text kept, in characters. */
  public static final int MAX = 2_000;

  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\r\\t]]");
  private static final Pattern BREAKS = Pattern.compile("[\\n\\r\\t\\u2028\\u2029\\u0085]+");
  private static final Pattern LINK = Pattern.compile("\\]\\s*\\(");
  private static final Pattern LIST_MARKER = Pattern.compile("^([-*+]|\\d{1,9}[.)]) +");
  private static final Pattern HEADING = Pattern.compile("^#+(?= |$)");
  private static final Pattern RULE = Pattern.compile("^([-*_])( *\\1){2,} *$");
  private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})");

  private CardText() {}

  /** The text, safe to put in a TextBlock or a Fact as it is; "" for null. */
  public static String plain(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return alreadyPlain(text) ? text : rewritten(text);
  }

  /** The rules applied one by one (what {@link #plain(String)} does to a text that needs it). */
  static String rewritten(String text) {
    String t = BREAKS.matcher(text).replaceAll(" ");
    t = INVISIBLE.matcher(t).replaceAll("");
    t = t.replace('<', '‹').replace('>', '›');
    t = LINK.matcher(t).replaceAll("] (");
    t = block(t.strip());
    if (t.length() > MAX) {
      int end = Character.isHighSurrogate(t.charAt(MAX - 1)) ? MAX - 1 : MAX;
      t = t.substring(0, end) + "…";
    }
    return t;
  }

  /**
   * Whether {@link #plain(String)} would return the text unchanged, found in one pass over it:
   * most texts of a card are the dialogs' own (steps, labels, questions), which need none of the
   * regular expressions. True only when no rule can apply: no break, tab, control, format,
   * private-use or unassigned character (nor any surrogate, left to the full path), no {@code <},
   * {@code >} or {@code ]}, no white space at either end, a first character that starts no block
   * construct (not a digit nor one of {@code - * + _ # ` ~}), and not longer than {@link #MAX}.
   */
  static boolean alreadyPlain(String text) {
    int n = text.length();
    if (n > MAX || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(n - 1))) {
      return false;
    }
    char first = text.charAt(0);
    if ((first >= '0' && first <= '9') || "-*+_#`~".indexOf(first) >= 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c <= '~') {
        // Printable ASCII, most of any card: only three of its characters need a rule.
        if (c == '<' || c == '>' || c == ']') {
          return false;
        }
        continue;
      }
      if (c == '\u2028' || c == '\u2029' || c == '\u0085'
          || Character.isSurrogate(c)) {
        return false;
      }
      switch (Character.getType(c)) {
        case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED -> {
          return false;
        }
        default -> { }
      }
    }
    return true;
  }

  /** The text without a Markdown block construct at its start (it has no line breaks left). */
  private static String block(String t) {
    if (RULE.matcher(t).matches()) {
      return t.replace('-', '‐').replace('*', '∗').replace('_', '＿');
    }
    java.util.regex.Matcher m = LIST_MARKER.matcher(t);
    if (m.find()) {
      return m.group(1) + '\u00A0' + t.substring(m.end());
    }
    m = HEADING.matcher(t);
    if (m.find()) {
      return "＃".repeat(m.end()) + t.substring(m.end());
    }
    m = FENCE.matcher(t);
    if (m.find()) {
      return m.group(1).replace('`', 'ˋ').replace('~', '∼') + t.substring(m.end());
    }
    return t;
  }
}
