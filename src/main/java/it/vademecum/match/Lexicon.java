package it.vademecum.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agents' jargon as editable data ({@code dialogs/config/lexicon.json}): abbreviations rewritten
 * to full words before analysis, synonym groups folded onto one term after analysis, filler words
 * that carry no topic, and words of other Aruba products (hosting, SPID, digital signature...) that
 * the PEC topics must not claim. Applied the same way to topic texts (index time) and to the agent's
 * message (query time). Immutable and thread-safe.
 */
public final class Lexicon {

  private final Map<String, String> abbreviations;
  private final List<List<String>> synonyms;
  private final Set<String> fillers;
  private final Set<String> foreign;
  private final Node trie;
  private final Map<String, String> replacementByKey;

  private Lexicon(Map<String, String> abbreviations, List<List<String>> synonyms, Set<String> fillers,
      Set<String> foreign) {
    this.abbreviations = Collections.unmodifiableMap(new LinkedHashMap<>(abbreviations));
    List<List<String>> syn = new ArrayList<>();
    for (List<String> g : synonyms) {
      syn.add(List.copyOf(g));
    }
    this.synonyms = List.copyOf(syn);
    this.fillers = Collections.unmodifiableSet(new LinkedHashSet<>(fillers));
    this.foreign = Collections.unmodifiableSet(new LinkedHashSet<>(foreign));
    this.replacementByKey = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, String> e : abbreviations.entrySet()) {
      String key = normalizeKey(e.getKey());
      if (!key.isEmpty()) {
        replacementByKey.put(key, e.getValue().toLowerCase(Locale.ROOT));
        keys.add(key);
      }
    }
    this.trie = new Node();
    for (String key : keys) {
      Node node = trie;
      for (int i = 0; i < key.length(); i++) {
        node = node.next.computeIfAbsent(key.charAt(i), c -> new Node());
      }
      node.value = replacementByKey.get(key);
      node.needsWordStart = isWordChar(key.charAt(0));
      node.needsWordEnd = isWordChar(key.charAt(key.length() - 1));
    }
  }

  /** A lexicon that changes nothing. */
  public static Lexicon empty() {
    return new Lexicon(Map.of(), List.of(), Set.of(), Set.of());
  }

  /** Builds a lexicon from data already in memory. */
  public static Lexicon of(Map<String, String> abbreviations, List<List<String>> synonyms, Set<String> fillers,
      Set<String> foreign) {
    return new Lexicon(abbreviations, synonyms, fillers, foreign);
  }

  /** Loads {@code lexicon.json}: {@code abbreviations}, {@code synonyms}, {@code fillers}, {@code foreign}. */
  public static Lexicon load(Path file) {
    try {
      return parse(new ObjectMapper().readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + file, e);
    }
  }

  /** Parses the JSON form of a lexicon. */
  public static Lexicon parse(JsonNode root) {
    Map<String, String> abbreviations = new LinkedHashMap<>();
    JsonNode ab = root.path("abbreviations");
    for (Iterator<Map.Entry<String, JsonNode>> it = ab.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      abbreviations.put(e.getKey(), e.getValue().asText());
    }
    List<List<String>> synonyms = new ArrayList<>();
    for (JsonNode group : root.path("synonyms")) {
      List<String> g = new ArrayList<>();
      group.forEach(w -> g.add(w.asText()));
      if (g.size() > 1) {
        synonyms.add(g);
      }
    }
    Set<String> fillers = new LinkedHashSet<>();
    root.path("fillers").forEach(w -> fillers.add(w.asText()));
    Set<String> foreign = new LinkedHashSet<>();
    root.path("foreign").forEach(w -> foreign.add(w.asText()));
    return new Lexicon(abbreviations, synonyms, fillers, foreign);
  }

  public Map<String, String> abbreviations() {
    return abbreviations;
  }

  public List<List<String>> synonyms() {
    return synonyms;
  }

  public Set<String> fillers() {
    return fillers;
  }

  public Set<String> foreign() {
    return foreign;
  }

  /**
   * Rewrites abbreviations into full words ("cli nn riesce" → "cliente non riesce"). The text is
   * lower-cased and its runs of white space become one space; a key starting (ending) with a letter
   * or digit only matches at the start (end) of a word; the longest key wins. Keys match with or
   * without accents and with an apostrophe or a space ("non è nostra" matches "non e nostra",
   * "l'accesso" matches "l accesso"), as tired agents write.
   */
  public String expand(String text) {
    String lower = collapseSpaces(text.toLowerCase(Locale.ROOT));
    if (trie.next.isEmpty()) {
      return lower;
    }
    String view = fold(lower);
    StringBuilder out = null;
    int last = 0;
    int i = 0;
    int n = lower.length();
    while (i < n) {
      boolean wordStart = i == 0 || !isWordChar(view.charAt(i - 1));
      int matchEnd = -1;
      String value = null;
      Node node = trie;
      for (int j = i; j < n; j++) {
        node = node.next.get(view.charAt(j));
        if (node == null) {
          break;
        }
        if (node.value != null) {
          boolean startOk = !node.needsWordStart || wordStart;
          boolean endOk = !node.needsWordEnd || j + 1 == n || !isWordChar(view.charAt(j + 1));
          if (startOk && endOk) {
            matchEnd = j + 1;
            value = node.value;
          }
        }
      }
      if (matchEnd > 0) {
        if (out == null) {
          out = new StringBuilder(n + 32);
        }
        out.append(lower, last, i).append(' ').append(value).append(' ');
        last = matchEnd;
        i = matchEnd;
      } else {
        i++;
      }
    }
    if (out == null) {
      return lower;
    }
    out.append(lower, last, n);
    return out.toString();
  }

  private static String collapseSpaces(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        boolean redundant = c != ' ' || (i > 0 && Character.isWhitespace(s.charAt(i - 1)));
        if (redundant && sb == null) {
          sb = new StringBuilder(s.length());
          sb.append(s, 0, i);
        }
        if (sb != null) {
          if (sb.length() == 0 || sb.charAt(sb.length() - 1) != ' ') {
            sb.append(' ');
          }
          continue;
        }
      }
      if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    String value;
    boolean needsWordStart;
    boolean needsWordEnd;
  }

  private static String normalizeKey(String key) {
    return fold(key.trim().toLowerCase(Locale.ROOT)).trim().replaceAll("\\s+", " ");
  }

  /**
   * The same text, character for character, with accents dropped from vowels and apostrophes as
   * spaces: keys and texts are compared in this form, so positions in the text stay valid.
   */
  static String fold(String s) {
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = switch (c) {
        case 'à', 'á', 'â', 'ä' -> 'a';
        case 'è', 'é', 'ê', 'ë' -> 'e';
        case 'ì', 'í', 'î', 'ï' -> 'i';
        case 'ò', 'ó', 'ô', 'ö' -> 'o';
        case 'ù', 'ú', 'û', 'ü' -> 'u';
        case '\'', '\u2019', '\u2018', '`' -> ' ';
        default -> c;
      };
      if (f != c) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = f;
      }
    }
    return out == null ? s : new String(out);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
