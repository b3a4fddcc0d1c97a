package it.vademecum.match;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells an English message from an Italian one with English words mixed in, by counting function
 * words: a message in English is no topic (the bot answers in Italian about Italian procedures),
 * while "il cli vuole il refund" stays Italian.
 */
final class LanguageFilter {

  /** Compiled once rather than by String.split on every message. */
  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

  private static final Set<String> ENGLISH = Set.of(
      "the", "a", "an", "you", "your", "my", "me", "i", "is", "are", "was", "be", "can", "could", "would",
      "what", "how", "why", "when", "where", "who", "do", "does", "did", "to", "of", "and", "it", "this",
      "that", "with", "for", "please", "tell", "time", "today", "there", "have", "has", "not", "on", "in",
      "at", "we", "they", "he", "she", "get", "know", "want", "need", "hello", "hi", "thanks");
  private static final Set<String> ITALIAN = Set.of(
      "il", "lo", "la", "i", "gli", "le", "un", "una", "di", "da", "per", "con", "non", "che", "come",
      "cosa", "del", "della", "al", "alla", "ha", "ho", "è", "e", "sono", "mi", "si", "ci", "ne", "su");

  private LanguageFilter() {}

  /** Whether the message is English rather than Italian (counted on function words). */
  static boolean mostlyEnglish(String text) {
    int en = 0;
    int it = 0;
    int words = 0;
    for (String w : NON_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
      if (w.isEmpty()) {
        continue;
      }
      words++;
      if (ENGLISH.contains(w)) {
        en++;
      }
      if (ITALIAN.contains(w)) {
        it++;
      }
    }
    return en >= 2 && en > it && en * 3 >= words;
  }
}
