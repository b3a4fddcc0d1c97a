package it.vademecum.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The classifier's view of a sentence, independent of the lexicon: accents folded, lower case,
 * a light stem of every word that is not a function word, word pairs, and the 3-4 letter pieces of
 * every word (which catch typos and inflections the stem misses). Values are raw counts.
 *
 * <p>A feature is known by a 64-bit key, the hash of its spelling ({@code "w:" + stem},
 * {@code "b:" + stem + "_" + stem}, {@code "c:" + piece}, see {@link #key}), worked out from the
 * sentence's letters without building the spelling: a sentence has a hundred pieces or more, and
 * the classifier reads them on every message.
 */
final class SentenceFeatures {

  /** The weight of one letter piece against one word. */
  private static final double PIECE = 0.3;
  private static final int LONGEST = 4;
  /** Suffixes cut by {@link #stem}, longest first: the longest that ends the word goes. */
  private static final List<String> SUFFIXES = List.of("amento", "azione", "azioni", "mente", "ando", "endo",
      "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "are", "ere", "ire");
  /** Words that get no stem of their own (their letter pieces still count). */
  static final Set<String> FUNCTION_WORDS = Set.of(("il lo la i gli le un uno una di a da in con su per tra fra"
      + " e o ma che chi non mi ti si ci vi ne del della dei delle dello degli al alla ai alle allo agli dal dalla dai"
      + " nel nella nei sul sulla ho ha hanno sono come cosa se sta sto mio mia suo sua").split(" "));

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SentenceFeatures() {}

  /**
   * A sentence's features: {@code keys[i]} occurs with weight {@code counts[i]}, each key once, in
   * an order that depends only on the sentence.
   */
  record Features(long[] keys, double[] counts) {}

  static Features of(String text) {
    List<String> words = words(text);
    int letters = 0;
    for (String w : words) {
      letters += w.length();
    }
    Accumulator out = new Accumulator(3 * letters + 2 * words.size() + 1);
    List<String> stems = new ArrayList<>();
    for (String w : words) {
      if (!FUNCTION_WORDS.contains(w)) {
        String s = stem(w);
        stems.add(s);
        out.add(word(end(mix(start('w'), s))), 1.0);
      }
      if (w.length() >= 3) {
        // The pieces of "<" + w + ">", the marks standing for the word's start and end.
        int marked = w.length() + 2;
        for (int n = 3; n <= LONGEST; n++) {
          for (int i = 0; i + n <= marked; i++) {
            long h = start('c');
            for (int j = i; j < i + n; j++) {
              h = mix(h, j == 0 ? '<' : j == marked - 1 ? '>' : w.charAt(j - 1));
            }
            out.add(other(end(h)), PIECE);
          }
        }
      }
    }
    for (int i = 0; i + 1 < stems.size(); i++) {
      out.add(other(end(mix(mix(mix(start('b'), stems.get(i)), '_'), stems.get(i + 1)))), 1.0);
    }
    return out.features();
  }

  /**
   * The key of a feature by its spelling: {@code "w:" + stem} for a word, {@code "b:" + stem + "_"
   * + stem} for a pair, {@code "c:" + piece} for a letter piece, {@code '<'} and {@code '>'} marking
   * a word's start and end.
   */
  static long key(String feature) {
    long h = end(mix(FNV_OFFSET, feature));
    return feature.startsWith("w:") ? word(h) : other(h);
  }

  /** Whether a feature is a word's stem (not a pair of words, not a letter piece). */
  static boolean isWord(long key) {
    return (key & 1) == 1;
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
      for (String suffix : SUFFIXES) {
        if (s.endsWith(suffix)) {
          s = s.length() > suffix.length() ? s.substring(0, s.length() - suffix.length()) : s;
          break;
        }
      }
    }
    if (s.length() > 3 && "aeiou".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static long start(char kind) {
    return mix(mix(FNV_OFFSET, kind), ':');
  }

  /** 64-bit FNV-1a over UTF-16 units. */
  private static long mix(long h, char c) {
    return (h ^ c) * FNV_PRIME;
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = mix(h, s.charAt(i));
    }
    return h;
  }

  /** The finaliser of MurmurHash3, so that the low bit, which tells words apart, is as good as any. */
  private static long end(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long word(long h) {
    return h | 1;
  }

  /** Never 0, which {@link FeatureColumns} and the accumulator keep for an empty slot. */
  private static long other(long h) {
    long k = h & ~1L;
    return k == 0 ? 2 : k;
  }

  /** Weights summed by key in an open-addressing table sized for the sentence. */
  private static final class Accumulator {

    private final long[] keys;
    private final double[] counts;
    private int size;

    Accumulator(int most) {
      int capacity = FeatureColumns.capacity(most);
      keys = new long[capacity];
      counts = new double[capacity];
    }

    void add(long key, double weight) {
      int mask = keys.length - 1;
      int i = FeatureColumns.slot(key, mask);
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        keys[i] = key;
        size++;
      }
      counts[i] += weight;
    }

    Features features() {
      long[] k = new long[size];
      double[] c = new double[size];
      int m = 0;
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != 0) {
          k[m] = keys[i];
          c[m++] = counts[i];
        }
      }
      return new Features(k, c);
    }
  }
}
