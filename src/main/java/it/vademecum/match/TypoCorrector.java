package it.vademecum.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Corrects an unknown term to the closest index term: one edit (optimal string alignment) for
 * terms of 5+ letters, two for 8+; the candidate must start with the term's first or second
 * letter, have 4+ letters and not be a foreign word; ties go to the term more topics use.
 * Immutable; a look-up allocates three small rows.
 */
final class TypoCorrector {

  private final TopicIndex index;
  private final TermPipeline pipeline;
  private final String[][] vocabByLength;

  TypoCorrector(TopicIndex index, TermPipeline pipeline) {
    this.index = index;
    this.pipeline = pipeline;
    int maxLen = 0;
    for (String t : index.terms) {
      maxLen = Math.max(maxLen, t.length());
    }
    List<List<String>> byLen = new ArrayList<>();
    for (int l = 0; l <= maxLen; l++) {
      byLen.add(new ArrayList<>());
    }
    for (String t : index.terms) {
      byLen.get(t.length()).add(t);
    }
    this.vocabByLength = new String[maxLen + 1][];
    for (int l = 0; l <= maxLen; l++) {
      vocabByLength[l] = byLen.get(l).toArray(new String[0]);
    }
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
        int candDf = index.df[index.vocab.get(cand)];
        if (d <= max && (d < bestD || (d == bestD && candDf > bestDf))) {
          best = cand;
          bestD = d;
          bestDf = candDf;
        }
      }
    }
    return best;
  }
}
