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
        // A phrase stays a phrase even when analysis leaves one word of it ("più clienti" must
        // not turn every "cliente" into its group).
        if (t.size() == 1 && !member.strip().contains(" ")) {
          canon.putIfAbsent(t.get(0), head);
        } else {
          // Matched after the abbreviations, so written as they leave it ("sola mail" → "sola email").
          phrases.put(lexicon.expand(member), group.get(0));
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

  /**
   * Other forms of a term the light stemmer leaves apart, to try when the term itself is unknown:
   * an infinitive without its enclitic pronoun ("aggiornarl" → "aggiornar"), a past participle as
   * its infinitive ("cambiat" → "cambiar", "inserit" → "inserir", "ricevut" → "ricever"), a
   * gerund as its infinitive ("modificand" → "modificar"). Synonyms are folded as in {@link #terms}.
   */
  public List<String> variants(String term) {
    List<String> out = new ArrayList<>(3);
    String base = term;
    java.util.regex.Matcher m = ENCLITIC.matcher(term);
    if (m.find()) {
      base = term.substring(0, m.start(2));
      out.add(canonical.getOrDefault(base, base));
    }
    int n = base.length();
    if (n >= 5) {
      String stem = base.substring(0, n - 2);
      String end = base.substring(n - 2);
      switch (end) {
        case "at" -> out.add(stem + "ar");
        case "it" -> out.add(stem + "ir");
        case "ut" -> out.add(stem + "er");
        default -> { }
      }
      if (base.endsWith("and") || base.endsWith("end")) {
        String s3 = base.substring(0, n - 3);
        out.add(s3 + (base.endsWith("and") ? "ar" : "er"));
        out.add(s3 + "ir");
      }
    }
    List<String> folded = new ArrayList<>(out.size());
    for (String v : out) {
      folded.add(canonical.getOrDefault(v, v));
    }
    return folded;
  }

  private static final java.util.regex.Pattern ENCLITIC =
      java.util.regex.Pattern.compile("([aei]r)(gliel|glien|gli|gl|mel|tel|cel|sel|vel|l|n|c|s|m|t|v)$");

  /** Whether a term belongs to another product's vocabulary (hosting, SPID, signature...). */
  public boolean isForeign(String term) {
    return foreign.contains(term);
  }
}
