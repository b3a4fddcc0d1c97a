package it.vademecum.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text → terms, the same at index and query time: lexicon abbreviations, Italian analysis
 * (elision, lower case, stop words, accent folding, light stemming), filler words dropped,
 * synonyms folded onto the first word of their group. Immutable and thread-safe.
 */
public final class TermPipeline {

  private final Lexicon lexicon;
  private final Lexicon phraseSynonyms;
  private final ItalianAnalysis analysis;
  private final Map<String, String> canonical;
  private final Set<String> fillers;
  private final Set<String> foreign;

  public TermPipeline(Lexicon lexicon, ItalianAnalysis analysis) {
    this.lexicon = lexicon;
    this.analysis = analysis;
    Map<String, String> canon = new HashMap<>();
    Map<String, String> phrases = new LinkedHashMap<>();
    for (List<String> group : lexicon.synonyms()) {
      String head = null;
      for (String member : group) {
        List<String> t = analysis.terms(lexicon.expand(member));
        if (t.isEmpty()) {
          continue;
        }
        if (head == null) {
          head = String.join(" ", t);
          if (t.size() > 1) {
            head = t.get(0);
          }
          continue;
        }
        if (t.size() == 1) {
          canon.putIfAbsent(t.get(0), head);
        } else {
          phrases.put(member, group.get(0));
        }
      }
    }
    this.canonical = Map.copyOf(canon);
    this.phraseSynonyms = Lexicon.of(phrases, List.of(), Set.of(), Set.of());
    Set<String> f = new HashSet<>();
    for (String w : lexicon.fillers()) {
      f.addAll(analysis.terms(w));
    }
    this.fillers = Set.copyOf(f);
    Set<String> fo = new HashSet<>();
    for (String w : lexicon.foreign()) {
      for (String t : analysis.terms(lexicon.expand(w))) {
        fo.add(canonical.getOrDefault(t, t));
      }
    }
    this.foreign = Set.copyOf(fo);
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  /** The terms of a text, in order, with repeats. */
  public List<String> terms(String text) {
    String expanded = phraseSynonyms.expand(lexicon.expand(text));
    List<String> raw = analysis.terms(expanded);
    List<String> out = new ArrayList<>(raw.size());
    for (String t : raw) {
      if (fillers.contains(t)) {
        continue;
      }
      out.add(canonical.getOrDefault(t, t));
    }
    return out;
  }

  /** Whether a term belongs to another product's vocabulary (hosting, SPID, signature...). */
  public boolean isForeign(String term) {
    return foreign.contains(term);
  }
}
