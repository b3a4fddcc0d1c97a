package it.vademecum.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text → terms, the same at index and query time: lexicon abbreviations, concept phrases as
 * written, Italian analysis (elision, lower case, stop words, accent folding, light stemming),
 * one-word synonyms folded onto the first word of their group, concept phrases again as analysed
 * terms (other inflections and articles), filler words dropped. Immutable and thread-safe.
 */
public final class TermPipeline {

  private final Lexicon lexicon;
  private final Lexicon phraseSynonyms;
  private final ItalianAnalysis analysis;
  private final Map<String, String> canonical;
  private final Set<String> fillers;
  private final Set<String> foreign;
  /** Concept phrases as analysed terms, by first term: they also match inflected and reworded forms. */
  private final Map<String, List<TermPhrase>> termPhrases;

  /** A phrase of two or more analysed terms and the terms of its concept's head. */
  private record TermPhrase(List<String> terms, List<String> head) { }

  public TermPipeline(Lexicon lexicon, ItalianAnalysis analysis) {
    this.lexicon = lexicon;
    this.analysis = analysis;
    Map<String, String> canon = new HashMap<>();
    Map<String, String> phrases = new LinkedHashMap<>();
    Map<String, String> phraseHeads = new LinkedHashMap<>();
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
          phraseHeads.putIfAbsent(member, group.get(0));
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
    Map<String, List<TermPhrase>> byFirst = new HashMap<>();
    for (Map.Entry<String, String> e : phraseHeads.entrySet()) {
      String member = lexicon.expand(e.getKey());
      List<String> seq = analysedTerms(member);
      // Analysis drops "non": a negated phrase matched as terms would say the opposite.
      if (seq.size() >= 2 && !NEGATION.matcher(member).find()) {
        byFirst.computeIfAbsent(seq.get(0), k -> new ArrayList<>())
            .add(new TermPhrase(List.copyOf(seq), List.copyOf(baseTerms(lexicon.expand(e.getValue())))));
      }
    }
    byFirst.values().forEach(l -> l.sort((a, b) -> b.terms().size() - a.terms().size()));
    this.termPhrases = Map.copyOf(byFirst);
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
    List<String> analysed = analysedTerms(phraseSynonyms.expand(lexicon.expand(text)));
    List<String> out = new ArrayList<>(analysed.size());
    int i = 0;
    while (i < analysed.size()) {
      TermPhrase hit = null;
      List<TermPhrase> candidates = termPhrases.get(analysed.get(i));
      if (candidates != null) {
        for (TermPhrase p : candidates) {
          if (startsAt(analysed, i, p.terms())) {
            hit = p;
            break;
          }
        }
      }
      if (hit != null) {
        out.addAll(hit.head());
        i += hit.terms().size();
      } else {
        String t = analysed.get(i++);
        if (!fillers.contains(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** How many content words a text has before concepts fold them (a clause of one word names no topic). */
  int contentWords(String text) {
    return baseTerms(lexicon.expand(text)).size();
  }

  private static boolean startsAt(List<String> terms, int at, List<String> phrase) {
    if (at + phrase.size() > terms.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!terms.get(at + k).equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Analysed terms with one-word synonyms folded and fillers kept: the form concept phrases are
   * matched in ("ordine ancora aperto" needs its "ancora", but not its article or its inflection).
   */
  private List<String> analysedTerms(String expanded) {
    List<String> raw = analysis.terms(expanded);
    List<String> out = new ArrayList<>(raw.size());
    for (String t : raw) {
      out.add(fillers.contains(t) ? t : canonical.getOrDefault(t, t));
    }
    return out;
  }

  private List<String> baseTerms(String expanded) {
    List<String> out = analysedTerms(expanded);
    out.removeIf(fillers::contains);
    return out;
  }

  /**
   * Other forms of a term the light stemmer leaves apart, to try when the term itself is unknown:
   * an infinitive without its enclitic pronoun ("aggiornarl" → "aggiornar"), a past participle as
   * its infinitive ("cambiat" → "cambiar", "inserit" → "inserir", "ricevut" → "ricever"), a
   * gerund as its infinitive ("modificand" → "modificar"), a present-tense form as its infinitive and
   * back ("riattacc" ↔ "riattaccar"), an infinitive or present form as its participle ("blocc" →
   * "bloccat"), a short present form as its infinitive ("apro" → "aprir"), and the root of a
   * -ciare/-giare verb as the stemmer cuts it ("spacciat" → "spacc"). Synonyms are folded as in
   * {@link #terms}, except on the participle and short-present forms, which only reach a word the
   * topics themselves use.
   */
  public List<String> variants(String term) {
    List<String> out = new ArrayList<>(3);
    // Forms only looked up as written: a participle folded into a concept ("comprat" → acquistat)
    // would carry a verb into another topic's situation.
    List<String> own = new ArrayList<>(3);
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
      // A present-tense form and its infinitive ("riattacc" ↔ "riattaccar").
      if (end.equals("ar") || end.equals("er") || end.equals("ir")) {
        out.add(stem);
      } else if (!end.equals("at") && !end.equals("it") && !end.equals("ut")) {
        out.add(base + "ar");
        out.add(base + "er");
        out.add(base + "ir");
      }
      if (base.endsWith("and") || base.endsWith("end")) {
        String s3 = base.substring(0, n - 3);
        out.add(s3 + (base.endsWith("and") ? "ar" : "er"));
        out.add(s3 + "ir");
      }
      // The verb's participle when the index has only that form ("bloccar", "blocc" → "bloccat").
      String root = end.equals("ar") || end.equals("er") || end.equals("ir") ? stem
          : end.equals("at") || end.equals("it") || end.equals("ut") ? null : base;
      if (root != null) {
        own.add(root + "at");
        own.add(root + "ut");
        own.add(root + "it");
      }
    } else if (n == 4 && "aeio".indexOf(base.charAt(3)) >= 0) {
      // A short present form the stemmer leaves whole ("apro", "paga"): its infinitive.
      String root = base.substring(0, 3);
      own.add(root + "ar");
      own.add(root + "er");
      own.add(root + "ir");
    }
    // A -ciare/-giare verb: the stemmer leaves "spacciat" but cuts "spaccia" to "spacc".
    java.util.regex.Matcher soft = SOFT_ROOT.matcher(base);
    if (soft.matches()) {
      out.add(soft.group(1));
    }
    List<String> folded = new ArrayList<>(out.size());
    for (String v : out) {
      folded.add(canonical.getOrDefault(v, v));
    }
    folded.addAll(own);
    return folded;
  }

  private static final java.util.regex.Pattern SOFT_ROOT =
      java.util.regex.Pattern.compile("(\\p{L}{3,}[cg])i(?:at|ar|ut|it|and|an)");

  private static final java.util.regex.Pattern NEGATION =
      java.util.regex.Pattern.compile("(^|\\s)(non|né|senza)(\\s|$)");

  private static final java.util.regex.Pattern ENCLITIC =
      java.util.regex.Pattern.compile("([aei]r)(gliel|glien|gli|gl|mel|tel|cel|sel|vel|l|n|c|s|m|t|v)$");

  /** Whether a term belongs to another product's vocabulary (hosting, SPID, signature...). */
  public boolean isForeign(String term) {
    return foreign.contains(term);
  }
}
