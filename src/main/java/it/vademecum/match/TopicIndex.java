package it.vademecum.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topics' words as an in-memory index: the vocabulary with its IDF, how strongly each term
 * belongs to each topic (title, triggers and signals fully, tree words less), the triggers as
 * term sets with their word pairs, postings from term to triggers, and the raw signals (PEC
 * domains, queues, codes). Built once per dialogs version; immutable.
 */
final class TopicIndex {

  /** Combining marks (accents once NFD has split them off), compiled once rather than per message. */
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private static final double TRIGGER_FIELD = 1.0;
  private static final double BODY_FIELD = 0.4;
  private static final double INCIDENTAL = 0.4;
  private static final double TOPICAL_SHARE = 0.12;

  /** A trigger (or the title) of a topic: its distinct term ids, their IDF sum, its word pairs. */
  record Trigger(int topic, int[] terms, double weight, long[] bigrams) {}

  /** A raw string that names a topic on its own; {@code strength} is 1 / topics sharing it. */
  record Signal(String text, int topic, double strength) {}

  final String[] ids;
  final Map<String, Integer> vocab;
  final String[] terms;
  final double[] idf;
  final int[] df;
  /** fieldWeight[term][topic]: 1 for trigger/title/signal words, less for tree words, 0 absent. */
  final float[][] fieldWeight;
  /** namedBy[term][topic]: the topic's title, triggers or signals name the term. */
  final boolean[][] namedBy;
  final Trigger[] triggers;
  /** postings[term] = indexes into {@link #triggers} of the triggers holding that term. */
  final int[][] postings;
  final Signal[] signals;

  private TopicIndex(String[] ids, Map<String, Integer> vocab, String[] terms, double[] idf, int[] df,
      float[][] fieldWeight, boolean[][] namedBy, Trigger[] triggers, int[][] postings, Signal[] signals) {
    this.ids = ids;
    this.vocab = vocab;
    this.terms = terms;
    this.idf = idf;
    this.df = df;
    this.fieldWeight = fieldWeight;
    this.namedBy = namedBy;
    this.triggers = triggers;
    this.postings = postings;
    this.signals = signals;
  }

  int size() {
    return ids.length;
  }

  /** The id of an index term, or null when no topic uses it. */
  Integer id(String term) {
    return vocab.get(term);
  }

  static TopicIndex build(List<TopicText> topics, TermPipeline pipeline) {
    int n = topics.size();
    String[] ids = new String[n];
    Map<String, Integer> vocab = new HashMap<>();
    List<String> termList = new ArrayList<>();
    List<Map<Integer, Float>> fields = new ArrayList<>();
    List<List<List<String>>> triggerTerms = new ArrayList<>();
    Map<String, Set<Integer>> signalTopics = new LinkedHashMap<>();
    Map<String, Set<Integer>> named = new HashMap<>();

    for (int i = 0; i < n; i++) {
      TopicText topic = topics.get(i);
      ids[i] = topic.id();
      List<List<String>> trig = new ArrayList<>();
      List<String> phrases = new ArrayList<>();
      phrases.add(topic.title());
      phrases.addAll(topic.triggers());
      Map<String, Integer> counts = new HashMap<>();
      Set<String> titleTerms = new LinkedHashSet<>(pipeline.terms(topic.title()));
      for (String phrase : phrases) {
        List<String> t = pipeline.terms(phrase);
        if (!t.isEmpty()) {
          trig.add(t);
          for (String term : new LinkedHashSet<>(t)) {
            counts.merge(term, 1, Integer::sum);
          }
        }
      }
      // A word is topical when the title names it or many triggers repeat it; a word found in one
      // trigger only is mostly incidental ("non va a buon fine").
      double saturation = Math.max(2.0, TOPICAL_SHARE * trig.size());
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        double w = titleTerms.contains(e.getKey()) || identifierLike(e.getKey())
            ? TRIGGER_FIELD
            : INCIDENTAL + (TRIGGER_FIELD - INCIDENTAL) * Math.min(1.0, e.getValue() / saturation);
        addField(vocab, termList, fields, e.getKey(), i, w);
        named.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(i);
      }
      triggerTerms.add(trig);
      for (String signal : topic.signals()) {
        String norm = normalizeRaw(signal).trim();
        if (norm.startsWith("@")) {
          norm = norm.substring(1);
        }
        if (norm.length() >= 2) {
          signalTopics.computeIfAbsent(norm, k -> new LinkedHashSet<>()).add(i);
        }
        for (String term : pipeline.terms(signal)) {
          addField(vocab, termList, fields, term, i, TRIGGER_FIELD);
          named.computeIfAbsent(term, k -> new LinkedHashSet<>()).add(i);
        }
      }
      for (String text : topic.body()) {
        for (String term : pipeline.terms(text)) {
          addField(vocab, termList, fields, term, i, identifierLike(term) ? TRIGGER_FIELD : BODY_FIELD);
        }
      }
    }

    int v = termList.size();
    String[] terms = termList.toArray(new String[0]);
    double[] idf = new double[v];
    int[] df = new int[v];
    float[][] fieldWeight = new float[v][];
    boolean[][] namedBy = new boolean[v][];
    for (int t = 0; t < v; t++) {
      float[] row = new float[n];
      for (Map.Entry<Integer, Float> e : fields.get(t).entrySet()) {
        row[e.getKey()] = e.getValue();
      }
      fieldWeight[t] = row;
      boolean[] nrow = new boolean[n];
      for (int topic : named.getOrDefault(termList.get(t), Set.of())) {
        nrow[topic] = true;
      }
      namedBy[t] = nrow;
      df[t] = fields.get(t).size();
      idf[t] = Math.log((n + 1.0) / (df[t] + 0.5));
    }

    List<Trigger> allTriggers = new ArrayList<>();
    List<List<Integer>> post = new ArrayList<>();
    for (int t = 0; t < v; t++) {
      post.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (List<String> t : triggerTerms.get(i)) {
        int[] ts = t.stream().mapToInt(vocab::get).distinct().toArray();
        double w = 0;
        for (int id : ts) {
          w += idf[id];
        }
        if (w <= 0) {
          continue;
        }
        long[] bigrams = new long[Math.max(0, t.size() - 1)];
        for (int k = 0; k + 1 < t.size(); k++) {
          bigrams[k] = pair(vocab.get(t.get(k)), vocab.get(t.get(k + 1)));
        }
        Arrays.sort(bigrams);
        for (int id : ts) {
          post.get(id).add(allTriggers.size());
        }
        allTriggers.add(new Trigger(i, ts, w, bigrams));
      }
    }
    Trigger[] triggers = allTriggers.toArray(new Trigger[0]);
    int[][] postings = new int[v][];
    for (int t = 0; t < v; t++) {
      postings[t] = post.get(t).stream().mapToInt(Integer::intValue).toArray();
    }

    List<Signal> signals = new ArrayList<>();
    for (Map.Entry<String, Set<Integer>> e : signalTopics.entrySet()) {
      double strength = 1.0 / e.getValue().size();
      for (int topic : e.getValue()) {
        signals.add(new Signal(e.getKey(), topic, strength));
      }
    }
    return new TopicIndex(ids, Map.copyOf(vocab), terms, idf, df, fieldWeight, namedBy, triggers, postings,
        signals.toArray(new Signal[0]));
  }

  private static void addField(Map<String, Integer> vocab, List<String> termList, List<Map<Integer, Float>> fields,
      String term, int topic, double weight) {
    Integer id = vocab.get(term);
    if (id == null) {
      id = termList.size();
      vocab.put(term, id);
      termList.add(term);
      fields.add(new HashMap<>());
    }
    fields.get(id).merge(topic, (float) weight, Math::max);
  }

  /** Queue names, sites, domains and codes: pec_change_aruba, modificacontatti.pec.it, pro11271. */
  static boolean identifierLike(String term) {
    if (term.length() < 5) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == '_' || c == '.' || c == '@') {
        return true;
      }
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }

  static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  /**
   * Lower case without accents, for finding signals in the raw text (and the classifier's words).
   * Most messages are plain ASCII, which has no accent to fold: then no decomposition at all.
   */
  static String normalizeRaw(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= 128) {
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
      }
    }
    return lower;
  }

  /** Whether a signal occurs in the normalised text as a whole word (or after "@"). */
  static boolean containsSignal(String raw, String signal) {
    int from = 0;
    while (true) {
      int at = raw.indexOf(signal, from);
      if (at < 0) {
        return false;
      }
      int end = at + signal.length();
      boolean before = at == 0 || !Character.isLetterOrDigit(raw.charAt(at - 1)) || raw.charAt(at - 1) == '@';
      boolean after = end == raw.length() || !Character.isLetterOrDigit(raw.charAt(end));
      if (before && after) {
        return true;
      }
      from = at + 1;
    }
  }
}
