package it.vademecum.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores every topic for one text against a {@link TopicIndex}, in [0, 1]:
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
 * <p>Unknown terms are tried in their variant forms, then corrected by the {@link TypoCorrector}.
 * Words no topic knows count against every topic (less once three specific known words say what
 * the message is about), and foreign words (other products, office
 * life) are only explained by a topic whose triggers name them. Thread-safe: the index is
 * immutable, and each thread has its own work arrays.
 */
final class TopicScorer {

  private static final double TRIGGER_SHARE = 0.6;
  private static final double FUZZY_PENALTY = 0.75;
  private static final double UNKNOWN_WEIGHT = 1.6;
  private static final double FOREIGN_WEIGHT = 2.5;
  private static final double BIGRAM_BONUS = 0.08;
  private static final double FOREIGN_PENALTY = 0.45;
  private static final double OWN_MIN_IDF = 1.0;
  private static final double MIN_EVIDENCE = 2.0;
  /**
   * From this many known, specific words of the message, each unknown word weighs
   * {@link #UNKNOWN_RELIEF} as much: the known words already say what the message is about, and the rest is the
   * writer's own wording ("la verifica è rimasta bloccata"), not another subject.
   */
  private static final int STRONG_KNOWN = 3;
  private static final double UNKNOWN_RELIEF = 0.6;
  /** Typo look-ups per message: bounds the cost of long pasted texts. */
  private static final int MAX_FUZZY_LOOKUPS = 12;

  private final TopicIndex index;
  private final TermPipeline pipeline;
  private final TypoCorrector typos;
  /**
   * Each thread's work arrays for {@link #bestTriggers}, all zero between calls: two arrays as long
   * as the triggers (about 9 KB) were allocated and cleared for every message, several times a turn.
   */
  private final ThreadLocal<Scratch> scratch;

  /** Per-trigger sums of one message; only the entries it touched are cleared after it. */
  private static final class Scratch {
    final double[] matched;
    final boolean[] own;
    /** The triggers the message being scored touched, in the order first touched. */
    int[] touched = new int[64];
    int used;

    Scratch(int triggers) {
      matched = new double[triggers];
      own = new boolean[triggers];
    }

    void touch(int trigger) {
      if (used == touched.length) {
        touched = Arrays.copyOf(touched, used * 2);
      }
      touched[used++] = trigger;
    }

    /** Back to all zero, as freshly allocated arrays. */
    void clear() {
      for (int x = 0; x < used; x++) {
        matched[touched[x]] = 0;
        own[touched[x]] = false;
      }
      used = 0;
    }
  }

  TopicScorer(TopicIndex index, TermPipeline pipeline, TypoCorrector typos) {
    this.index = index;
    this.pipeline = pipeline;
    this.typos = typos;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(index.triggers.length));
  }

  /** The index term a message term stands for: itself, a variant form, or null. */
  Integer known(String term) {
    Integer id = index.id(term);
    if (id == null) {
      for (String variant : pipeline.variants(term)) {
        id = index.id(variant);
        if (id != null) {
          break;
        }
      }
    }
    return id;
  }

  /** Calibrated score of every topic, or null when nothing in the message is known. */
  double[] scores(String text) {
    return scores(text, pipeline.terms(text));
  }

  /** {@link #scores(String)} of a text whose terms the {@link TermPipeline} already gave. */
  double[] scores(String text, List<String> qterms) {
    int nq = qterms.size();
    int[] qid = new int[nq];
    int[] kIds = new int[nq];
    double[] kW = new double[nq];
    boolean[] kForeign = new boolean[nq];
    int nk = 0;
    double total = 0;
    int foreignUnknown = 0;
    double unknownTotal = 0;
    int fuzzyLookups = 0;
    List<String> seenUnknown = new ArrayList<>(2);
    double[] idf = index.idf;
    for (int k = 0; k < nq; k++) {
      String term = qterms.get(k);
      Integer id = known(term);
      double factor = 1.0;
      if (id == null && fuzzyLookups < MAX_FUZZY_LOOKUPS) {
        fuzzyLookups++;
        String fix = typos.correct(term);
        if (fix != null) {
          id = index.id(fix);
          factor = FUZZY_PENALTY;
        }
      }
      boolean isForeign = pipeline.isForeign(term);
      qid[k] = id == null ? -1 : id;
      if (id == null) {
        if (!seenUnknown.contains(term)) {
          seenUnknown.add(term);
          if (isForeign) {
            total += FOREIGN_WEIGHT;
            foreignUnknown++;
          } else {
            unknownTotal += unknownWeight(term);
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

    int strong = 0;
    for (int k = 0; k < nk; k++) {
      if (!kForeign[k] && idf[kIds[k]] >= OWN_MIN_IDF) {
        strong++;
      }
    }
    total += unknownTotal * (strong >= STRONG_KNOWN ? UNKNOWN_RELIEF : 1.0);
    int topics = index.size();
    boolean any = false;
    double[] score = new double[topics];
    if (nk > 0 && total > 0) {
      long[] qBigrams = new long[Math.max(0, nq - 1)];
      int nb = 0;
      for (int k = 0; k + 1 < nq; k++) {
        if (qid[k] >= 0 && qid[k + 1] >= 0 && qid[k] != qid[k + 1]) {
          qBigrams[nb++] = TopicIndex.pair(qid[k], qid[k + 1]);
        }
      }
      double[] best = bestTriggers(kIds, kW, kForeign, nk, total, qBigrams, nb);
      float[][] fieldWeight = index.fieldWeight;
      boolean[][] namedBy = index.namedBy;
      for (int t = 0; t < topics; t++) {
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

    if (index.signals.length > 0) {
      String raw = TopicIndex.normalizeRaw(text);
      for (TopicIndex.Signal s : index.signals) {
        if (TopicIndex.containsSignal(raw, s.text())) {
          score[s.topic()] = Math.min(1.0, Math.max(score[s.topic()], 0.55 + 0.35 * s.strength()) + 0.1 * s.strength());
          any = true;
        }
      }
    }
    return any ? score : null;
  }

  /** Best trigger score of each topic, through the postings of the message's known terms. */
  private double[] bestTriggers(int[] kIds, double[] kW, boolean[] kForeign, int nk, double total, long[] qBigrams,
      int nb) {
    TopicIndex.Trigger[] triggers = index.triggers;
    Scratch work = scratch.get();
    double[] matched = work.matched;
    boolean[] own = work.own;
    try {
      for (int k = 0; k < nk; k++) {
        for (int tr : index.postings[kIds[k]]) {
          if (matched[tr] == 0) {
            work.touch(tr);
          }
          matched[tr] += kW[k] * index.fieldWeight[kIds[k]][triggers[tr].topic()];
          own[tr] |= !kForeign[k] && index.idf[kIds[k]] >= OWN_MIN_IDF;
        }
      }
      double[] best = new double[index.size()];
      for (int x = 0; x < work.used; x++) {
        int tr = work.touched[x];
        if (!own[tr]) {
          continue;
        }
        TopicIndex.Trigger trigger = triggers[tr];
        double m = matched[tr];
        double qc = Math.min(1.0, m / total);
        double tc = Math.min(1.0, m / trigger.weight());
        double s = Math.sqrt(qc * tc);
        int shared = 0;
        for (int b = 0; b < nb && shared < 2; b++) {
          if (Arrays.binarySearch(trigger.bigrams(), qBigrams[b]) >= 0) {
            shared++;
          }
        }
        s += shared * BIGRAM_BONUS * qc;
        if (s > best[trigger.topic()]) {
          best[trigger.topic()] = s;
        }
      }
      return best;
    } finally {
      work.clear();
    }
  }

  private static int indexOf(int[] a, int n, int x) {
    for (int i = 0; i < n; i++) {
      if (a[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static double unknownWeight(String term) {
    boolean digits = term.chars().allMatch(Character::isDigit);
    if (digits) {
      return 0.6;
    }
    return term.length() <= 2 ? 0.8 : UNKNOWN_WEIGHT;
  }
}
