package it.vademecum.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private final Pattern abbreviationPattern;
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
    keys.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    this.abbreviationPattern = keys.isEmpty() ? null : Pattern.compile(alternation(keys));
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
   * lower-cased; a key made of letters or digits only matches a whole word.
   */
  public String expand(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (abbreviationPattern == null) {
      return lower;
    }
    Matcher m = abbreviationPattern.matcher(lower);
    StringBuilder out = new StringBuilder(lower.length() + 16);
    int last = 0;
    while (m.find()) {
      out.append(lower, last, m.start());
      String key = m.group().replaceAll("\\s+", " ");
      String value = replacementByKey.get(key);
      out.append(' ').append(value == null ? m.group() : value).append(' ');
      last = m.end();
    }
    out.append(lower, last, lower.length());
    return out.toString();
  }

  private static String normalizeKey(String key) {
    return key.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static String alternation(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String key : keys) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append("(?:");
      if (isWordChar(key.charAt(0))) {
        sb.append("(?<![\\p{L}\\p{N}_])");
      }
      String[] parts = key.split(" ");
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          sb.append("\\s+");
        }
        sb.append(Pattern.quote(parts[i]));
      }
      if (isWordChar(key.charAt(key.length() - 1))) {
        sb.append("(?![\\p{L}\\p{N}_])");
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
