package it.vademecum.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.text.Normalizer;

/**
 * Topic recognition over an in-memory index of the topics' words.
 *
 * <p>Each topic contributes its title and triggers (phrases agents write), its signals (PEC
 * domains, queue names, sites, procedure codes) and the other words of its tree. A message is
 * turned into terms by the {@link TermPipeline} (abbreviations, Italian analysis, synonyms), typos
 * are corrected against the index vocabulary (one edit in terms of 5+ letters, two in 8+), and
 * each topic is scored from
 *
 * <ul>
 *   <li>the best trigger: IDF-weighted overlap, the geometric mean of "how much of the message the
 *       trigger explains" and "how much of the trigger the message contains", plus a bonus for
 *       shared word pairs;
 *   <li>the coverage of the message by the topic's whole vocabulary (tree words count less than
 *       triggers);
 *   <li>signals found in the raw text, which put their topic at the top on their own.
 * </ul>
 *
 * <p>Words no topic knows count against every topic, and words of other Aruba products (hosting,
 * SPID, digital signature, from the lexicon's {@code foreign} list) are only explained by a
 * trigger that names them, so out-of-domain messages stay below the thresholds. The score is in
 * [0, 1]; one set of thresholds ({@link #CONFIDENT}, {@link #MARGIN}, {@link #AMBIGUOUS}) gives the
 * verdict. Immutable and thread-safe; a query allocates only small arrays.
 */
public final class LexicalTopicMatcher implements TopicMatcher {

  /** A best score at least this high, and {@link #MARGIN} above the second, starts the topic. */
  public static final double CONFIDENT = 0.50;
  /** Minimum lead of the best topic over the second for a confident verdict. */
  public static final double MARGIN = 0.20;
  /** Below this best score the answer is "no topic". */
  public static final double AMBIGUOUS = 0.28;

  private static final double TRIGGER_FIELD = 1.0;
  private static final double BODY_FIELD = 0.4;
  private static final double INCIDENTAL = 0.4;
  private static final double TOPICAL_SHARE = 0.12;
  private static final double TRIGGER_SHARE = 0.6;
  private static final double FUZZY_PENALTY = 0.75;
  private static final double UNKNOWN_WEIGHT = 1.6;
  private static final double FOREIGN_WEIGHT = 2.5;
  private static final double BIGRAM_BONUS = 0.08;
  private static final double FOREIGN_PENALTY = 0.45;
  private static final double OWN_MIN_IDF = 1.0;
  private static final double MIN_EVIDENCE = 2.0;
  private static final int RANKED = 10;
  /** Typo look-ups per message: bounds the cost of long pasted texts. */
  private static final int MAX_FUZZY_LOOKUPS = 12;

  private final String[] ids;
  private final TermPipeline pipeline;
  private final Map<String, Integer> vocab;
  private final String[] terms;
  private final double[] idf;
  private final int[] df;
  /** fieldWeight[term][topic]: 1 for trigger/title/signal words, less for tree words, 0 absent. */
  private final float[][] fieldWeight;
  /** namedBy[term][topic]: the topic's title, triggers or signals name the term. */
  private final boolean[][] namedBy;
  private final Trigger[] triggers;
  /** postings[term] = indexes into {@link #triggers} of the triggers holding that term. */
  private final int[][] postings;
  private final Signal[] signals;
  private final String[][] vocabByLength;
  private final long buildNanos;

  private record Trigger(int topic, int[] terms, double weight, long[] bigrams) {}

  private record Signal(String text, int topic, double strength) {}

  private LexicalTopicMatcher(String[] ids, TermPipeline pipeline, Map<String, Integer> vocab, String[] terms,
      double[] idf, int[] df, float[][] fieldWeight, boolean[][] namedBy, Trigger[] triggers, int[][] postings, Signal[] signals,
      String[][] vocabByLength, long buildNanos) {
    this.ids = ids;
    this.pipeline = pipeline;
    this.vocab = vocab;
    this.terms = terms;
    this.idf = idf;
    this.df = df;
    this.fieldWeight = fieldWeight;
    this.namedBy = namedBy;
    this.triggers = triggers;
    this.postings = postings;
    this.signals = signals;
    this.vocabByLength = vocabByLength;
    this.buildNanos = buildNanos;
  }

  /** Indexes the topics; the lexicon is applied to topic texts and to every message. */
  public static LexicalTopicMatcher build(List<TopicText> topics, Lexicon lexicon) {
    long start = System.nanoTime();
    TermPipeline pipeline = new TermPipeline(lexicon, new ItalianAnalysis());
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

    int maxLen = 0;
    for (String t : terms) {
      maxLen = Math.max(maxLen, t.length());
    }
    List<List<String>> byLen = new ArrayList<>();
    for (int l = 0; l <= maxLen; l++) {
      byLen.add(new ArrayList<>());
    }
    for (String t : terms) {
      byLen.get(t.length()).add(t);
    }
    String[][] vocabByLength = new String[maxLen + 1][];
    for (int l = 0; l <= maxLen; l++) {
      vocabByLength[l] = byLen.get(l).toArray(new String[0]);
    }
    return new LexicalTopicMatcher(ids, pipeline, Map.copyOf(vocab), terms, idf, df, fieldWeight, namedBy, triggers,
        postings, signals.toArray(new Signal[0]), vocabByLength, System.nanoTime() - start);
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

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  /** Time spent in {@link #build}, in milliseconds. */
  public double buildMillis() {
    return buildNanos / 1e6;
  }

  /** Number of indexed topics. */
  public int size() {
    return ids.length;
  }

  @Override
  public Ranking rank(String text) {
    if (text == null || text.isBlank()) {
      return Ranking.none();
    }
    if (mostlyEnglish(text)) {
      return Ranking.none();
    }
    double[] score = scores(text);
    int[] two = twoTopics(text, score);
    if (two != null) {
      return both(score, two[0], two[1]);
    }
    if (score == null) {
      return Ranking.none();
    }
    int best = -1;
    for (int t = 0; t < score.length; t++) {
      if (best < 0 || score[t] > score[best]) {
        best = t;
      }
    }
    if (score[best] < AMBIGUOUS) {
      return Ranking.none();
    }
    Integer[] order = byScore(score);
    double s1 = score[order[0]];
    double s2 = order.length > 1 ? score[order[1]] : 0;
    List<Scored> ranked = new ArrayList<>();
    for (int i = 0; i < Math.min(RANKED, order.length) && score[order[i]] > 0; i++) {
      ranked.add(new Scored(ids[order[i]], round(score[order[i]])));
    }
    Ranking.Verdict verdict = s1 >= CONFIDENT && s1 - s2 >= MARGIN
        ? Ranking.Verdict.CONFIDENT : Ranking.Verdict.AMBIGUOUS;
    return new Ranking(ranked, verdict);
  }

  private Integer[] byScore(double[] score) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    return order;
  }

  /** Where a sentence splits into clauses: punctuation, or "e poi", "e anche", "inoltre"... */
  private static final java.util.regex.Pattern CLAUSES = java.util.regex.Pattern.compile(
      "[,;?!]+\\s+|\\s+(?:e poi|e anche|ma anche|inoltre|e intanto|e già che c'è|e gia che c e|e già che ci sono"
          + "|e gia che ci sono|chiede anche|vuole anche|e in più|e in piu|oltre a questo)\\s+");

  /**
   * Two topics in one sentence: two clauses, each confidently about a different topic. Returns the
   * two, the one the whole sentence scores higher first (what it is mostly about), or null.
   */
  private int[] twoTopics(String text, double[] whole) {
    String[] clauses = CLAUSES.split(text.toLowerCase(Locale.ROOT));
    if (clauses.length < 2 || clauses.length > 6) {
      return null;
    }
    int first = -1;
    double firstScore = 0;
    int second = -1;
    double secondScore = 0;
    for (String clause : clauses) {
      if (pipeline.terms(clause).size() < 2) {
        continue;
      }
      double[] sc = scores(clause);
      if (sc == null) {
        continue;
      }
      Integer[] order = byScore(sc);
      int top = order[0];
      double s1 = sc[top];
      double s2 = order.length > 1 ? sc[order[1]] : 0;
      if (s1 < CONFIDENT || s1 - s2 < MARGIN) {
        continue;
      }
      if (first < 0 || top == first) {
        first = top;
        firstScore = Math.max(firstScore, s1);
      } else if (second < 0 || top == second) {
        second = top;
        secondScore = Math.max(secondScore, s1);
      }
    }
    if (first < 0 || second < 0) {
      return null;
    }
    double a = whole == null ? firstScore : Math.max(whole[first], 0);
    double b = whole == null ? secondScore : Math.max(whole[second], 0);
    return a >= b ? new int[] {first, second} : new int[] {second, first};
  }

  /** A menu with both topics of a two-topic sentence, the main one first, then the others by score. */
  private Ranking both(double[] whole, int main, int other) {
    List<Scored> ranked = new ArrayList<>();
    double s = whole == null ? 0 : whole[main];
    ranked.add(new Scored(ids[main], round(Math.max(s, AMBIGUOUS))));
    double o = whole == null ? 0 : whole[other];
    ranked.add(new Scored(ids[other], round(Math.max(o, AMBIGUOUS))));
    if (whole != null) {
      for (int t : byScore(whole)) {
        if (ranked.size() >= RANKED || whole[t] <= 0) {
          break;
        }
        if (t != main && t != other) {
          ranked.add(new Scored(ids[t], round(whole[t])));
        }
      }
    }
    return new Ranking(ranked, Ranking.Verdict.AMBIGUOUS);
  }

  /** For diagnostics: the message's terms as the index sees them (corrected, "?" when unknown). */
  String explain(String text) {
    StringBuilder sb = new StringBuilder();
    for (String term : pipeline.terms(text)) {
      String shown = term;
      if (!vocab.containsKey(term)) {
        String fix = pipeline.variants(term).stream().filter(vocab::containsKey).findFirst().orElse(null);
        fix = fix != null ? fix : correct(term);
        shown = fix == null ? term + "?" : term + "~" + fix;
      }
      if (pipeline.isForeign(term)) {
        shown += "!";
      }
      sb.append(shown).append(' ');
    }
    return sb.toString().trim();
  }

  /** Calibrated score of every topic, or null when nothing in the message is known. */
  private double[] scores(String text) {
    List<String> qterms = pipeline.terms(text);
    int nq = qterms.size();
    int[] qid = new int[nq];
    int[] kIds = new int[nq];
    double[] kW = new double[nq];
    boolean[] kForeign = new boolean[nq];
    int nk = 0;
    double total = 0;
    int foreignUnknown = 0;
    int fuzzyLookups = 0;
    List<String> seenUnknown = new ArrayList<>(2);
    for (int k = 0; k < nq; k++) {
      String term = qterms.get(k);
      Integer id = vocab.get(term);
      double factor = 1.0;
      if (id == null) {
        for (String variant : pipeline.variants(term)) {
          id = vocab.get(variant);
          if (id != null) {
            break;
          }
        }
      }
      if (id == null && fuzzyLookups < MAX_FUZZY_LOOKUPS) {
        fuzzyLookups++;
        String fix = correct(term);
        if (fix != null) {
          id = vocab.get(fix);
          factor = FUZZY_PENALTY;
        }
      }
      boolean isForeign = pipeline.isForeign(term);
      qid[k] = id == null ? -1 : id;
      if (id == null) {
        if (!seenUnknown.contains(term)) {
          seenUnknown.add(term);
          total += isForeign ? FOREIGN_WEIGHT : unknownWeight(term);
          if (isForeign) {
            foreignUnknown++;
          }
        }
        continue;
      }
      if (indexOf(kIds, nk, id) < 0) {
        double w = isForeign ? Math.max(FOREIGN_WEIGHT, idf[id]) : idf[id] * factor;
        kIds[nk] = id;
        kW[nk] = w;
        kForeign[nk] = isForeign;
        nk++;
        total += w;
      }
    }

    boolean any = false;
    double[] score = new double[ids.length];
    if (nk > 0 && total > 0) {
      long[] qBigrams = new long[Math.max(0, nq - 1)];
      int nb = 0;
      for (int k = 0; k + 1 < nq; k++) {
        if (qid[k] >= 0 && qid[k + 1] >= 0 && qid[k] != qid[k + 1]) {
          qBigrams[nb++] = pair(qid[k], qid[k + 1]);
        }
      }
      // Best trigger of each topic, through the postings of the message's known terms.
      double[] matched = new double[triggers.length];
      boolean[] own = new boolean[triggers.length];
      int[] touched = new int[64];
      int nt = 0;
      for (int k = 0; k < nk; k++) {
        for (int tr : postings[kIds[k]]) {
          if (matched[tr] == 0) {
            if (nt == touched.length) {
              touched = Arrays.copyOf(touched, nt * 2);
            }
            touched[nt++] = tr;
          }
          matched[tr] += kW[k] * fieldWeight[kIds[k]][triggers[tr].topic];
          own[tr] |= !kForeign[k] && idf[kIds[k]] >= OWN_MIN_IDF;
        }
      }
      double[] best = new double[ids.length];
      for (int x = 0; x < nt; x++) {
        int tr = touched[x];
        if (!own[tr]) {
          continue;
        }
        Trigger trigger = triggers[tr];
        double m = matched[tr];
        double qc = Math.min(1.0, m / total);
        double tc = Math.min(1.0, m / trigger.weight);
        double s = Math.sqrt(qc * tc);
        int shared = 0;
        for (int b = 0; b < nb && shared < 2; b++) {
          if (Arrays.binarySearch(trigger.bigrams, qBigrams[b]) >= 0) {
            shared++;
          }
        }
        s += shared * BIGRAM_BONUS * qc;
        if (s > best[trigger.topic]) {
          best[trigger.topic] = s;
        }
      }
      for (int t = 0; t < ids.length; t++) {
        // Words of other products only count for a topic that names them and is also
        // recognised by one of its own words.
        double cov = 0;
        double covForeign = 0;
        boolean ownWord = false;
        for (int k = 0; k < nk; k++) {
          float f = fieldWeight[kIds[k]][t];
          if (f <= 0) {
            continue;
          }
          if (!kForeign[k]) {
            cov += kW[k] * f;
            ownWord |= namedBy[kIds[k]][t] && idf[kIds[k]] >= OWN_MIN_IDF;
          } else if (namedBy[kIds[k]][t]) {
            covForeign += kW[k] * f;
          }
        }
        double evidence = cov;
        cov = (ownWord ? cov + covForeign : cov) / total;
        double sc = Math.min(1.0, TRIGGER_SHARE * best[t] + (1 - TRIGGER_SHARE) * cov);
        // One or two common words are weak evidence however well they fit ("tempo", "nuovo").
        if (evidence < MIN_EVIDENCE) {
          sc *= Math.sqrt(evidence / MIN_EVIDENCE);
        }
        // A word of another product that this topic's triggers do not name: the message is
        // probably about that product, not about this topic.
        for (int f = 0; f < foreignUnknown; f++) {
          sc *= FOREIGN_PENALTY;
        }
        for (int k = 0; k < nk; k++) {
          if (kForeign[k] && !namedBy[kIds[k]][t]) {
            sc *= FOREIGN_PENALTY;
          }
        }
        score[t] = sc;
        any |= sc > 0;
      }
    }

    if (signals.length > 0) {
      String raw = normalizeRaw(text);
      for (Signal s : signals) {
        if (containsSignal(raw, s.text)) {
          score[s.topic] = Math.min(1.0, Math.max(score[s.topic], 0.55 + 0.35 * s.strength) + 0.1 * s.strength);
          any = true;
        }
      }
    }
    return any ? score : null;
  }

  private static final Set<String> ENGLISH = Set.of(
      "the", "a", "an", "you", "your", "my", "me", "i", "is", "are", "was", "be", "can", "could", "would",
      "what", "how", "why", "when", "where", "who", "do", "does", "did", "to", "of", "and", "it", "this",
      "that", "with", "for", "please", "tell", "time", "today", "there", "have", "has", "not", "on", "in",
      "at", "we", "they", "he", "she", "get", "know", "want", "need", "hello", "hi", "thanks");
  private static final Set<String> ITALIAN = Set.of(
      "il", "lo", "la", "i", "gli", "le", "un", "una", "di", "da", "per", "con", "non", "che", "come",
      "cosa", "del", "della", "al", "alla", "ha", "ho", "è", "e", "sono", "mi", "si", "ci", "ne", "su");

  /** Whether the message is English rather than Italian (counted on function words). */
  static boolean mostlyEnglish(String text) {
    int en = 0;
    int it = 0;
    int words = 0;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
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

  private static int indexOf(int[] a, int n, int x) {
    for (int i = 0; i < n; i++) {
      if (a[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private double unknownWeight(String term) {
    boolean digits = term.chars().allMatch(Character::isDigit);
    if (digits) {
      return 0.6;
    }
    return term.length() <= 2 ? 0.8 : UNKNOWN_WEIGHT;
  }

  /** The index term closest to an unknown one: 1 edit for 5+ letters, 2 for 8+; null if none. */
  String correct(String term) {
    int len = term.length();
    if (len < 5 || term.chars().anyMatch(Character::isDigit)) {
      return null;
    }
    int max = len >= 8 ? 2 : 1;
    String best = null;
    int bestD = max + 1;
    int bestDf = -1;
    int size = len + max + 2;
    int[] r0 = new int[size];
    int[] r1 = new int[size];
    int[] r2 = new int[size];
    for (int l = Math.max(0, len - max); l <= Math.min(vocabByLength.length - 1, len + max); l++) {
      for (String cand : vocabByLength[l]) {
        char c0 = cand.charAt(0);
        if ((c0 != term.charAt(0) && c0 != term.charAt(1)) || pipeline.isForeign(cand)) {
          continue;
        }
        if (cand.length() < 4) {
          continue;
        }
        int d = EditDistance.osa(term, cand, Math.min(max, bestD), r0, r1, r2);
        if (d < bestD || (d == bestD && d <= max && df[vocab.get(cand)] > bestDf)) {
          if (d <= max) {
            best = cand;
            bestD = d;
            bestDf = df[vocab.get(cand)];
          }
        }
      }
    }
    return best;
  }

  static String normalizeRaw(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
    return nfd.replaceAll("\\p{M}+", "");
  }

  private static boolean containsSignal(String raw, String signal) {
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
