package it.vademecum.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classifier's view of a sentence, independent of the lexicon: accents folded, lower case,
 * a light stem of every word that is not a function word, word pairs, and the 3-4 letter pieces of
 * every word (which catch typos and inflections the stem misses). Values are raw counts.
 */
final class SentenceFeatures {

  /** The weight of one letter piece against one word. */
  private static final double PIECE = 0.3;
  private static final int LONGEST = 4;

  private static final Pattern SUFFIX =
      Pattern.compile("(amento|azione|azioni|mente|ando|endo|ato|ata|ati|ate|ito|ita|iti|ite|are|ere|ire)$");
  private static final Set<String> FUNCTION_WORDS = Set.of(("il lo la i gli le un uno una di a da in con su per tra fra"
      + " e o ma che chi non mi ti si ci vi ne del della dei delle dello degli al alla ai alle allo agli dal dalla dai"
      + " nel nella nei sul sulla ho ha hanno sono come cosa se sta sto mio mia suo sua").split(" "));

  private SentenceFeatures() {}

  static Map<String, Double> of(String text) {
    Map<String, Double> out = new HashMap<>();
    List<String> stems = new ArrayList<>();
    for (String w : words(text)) {
      if (!FUNCTION_WORDS.contains(w)) {
        String s = stem(w);
        stems.add(s);
        out.merge("w:" + s, 1.0, Double::sum);
      }
      if (w.length() >= 3) {
        String marked = "<" + w + ">";
        for (int n = 3; n <= LONGEST; n++) {
          for (int i = 0; i + n <= marked.length(); i++) {
            out.merge("c:" + marked.substring(i, i + n), PIECE, Double::sum);
          }
        }
      }
    }
    for (int i = 0; i + 1 < stems.size(); i++) {
      out.merge("b:" + stems.get(i) + "_" + stems.get(i + 1), 1.0, Double::sum);
    }
    return out;
  }

  /** Whether a feature of {@link #of} is a word's stem (not a pair of words, not a letter piece). */
  static boolean isWord(String feature) {
    return feature.startsWith("w:");
  }

  /** Lower case, accents folded, split on everything but ASCII letters and digits. */
  static List<String> words(String text) {
    String folded = TopicIndex.normalizeRaw(text);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      char ch = i < folded.length() ? folded.charAt(i) : ' ';
      boolean word = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9';
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        words.add(folded.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  static String stem(String w) {
    String s = w;
    if (s.length() > 5) {
      String cut = SUFFIX.matcher(s).replaceFirst("");
      s = cut.isEmpty() ? s : cut;
    }
    if (s.length() > 3 && "aeiou".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
