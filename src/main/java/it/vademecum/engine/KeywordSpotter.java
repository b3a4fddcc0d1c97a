package it.vademecum.engine;

import it.vademecum.dialog.Choice;
import it.vademecum.dialog.Question;
import it.vademecum.match.EditDistance;
import it.vademecum.match.ItalianAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds which choice of a question the agent's words name, by its keywords or label, after Italian
 * analysis. When keywords of several choices match, a match inside a longer one is dropped
 * ("billing aruba" beats "aruba"); if different choices still match, nothing is picked. When no
 * keyword matches exactly, words of 5+ letters may carry a typo (one edit, two from 8 letters:
 * "bonfico" names "Bonifico"), with the same rule.
 */
final class KeywordSpotter {

  private final ItalianAnalysis analysis;
  /**
   * The analysed terms of each keyword and label, computed on first use rather than on every turn:
   * they are the dialogs' own texts, bounded and fixed for this engine's life.
   */
  private final Map<String, List<String>> phraseTerms = new ConcurrentHashMap<>();

  KeywordSpotter(ItalianAnalysis analysis) {
    this.analysis = analysis;
  }

  private record Hit(int choice, int start, int end) {
    boolean inside(Hit o) {
      return o.start <= start && end <= o.end && (o.end - o.start) > (end - start);
    }
  }

  /** The choice the terms name by keyword only (for pre-answering from the first message). */
  Optional<Integer> byKeywords(Question q, List<String> terms) {
    return pick(q, terms, false);
  }

  /** The choice the terms name by keyword or label (for a typed answer). */
  Optional<Integer> byKeywordsOrLabel(Question q, List<String> terms) {
    return pick(q, terms, true);
  }

  private Optional<Integer> pick(Question q, List<String> terms, boolean labels) {
    Optional<Integer> exact = pick(q, terms, labels, false);
    return exact.isPresent() ? exact : pick(q, terms, labels, true);
  }

  private Optional<Integer> pick(Question q, List<String> terms, boolean labels, boolean typos) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < q.choices().size(); i++) {
      Choice c = q.choices().get(i);
      List<String> phrases = new ArrayList<>(c.keywords());
      if (labels) {
        phrases.add(c.label());
      }
      for (String phrase : phrases) {
        List<String> k = phraseTerms.computeIfAbsent(phrase, p -> List.copyOf(analysis.terms(p)));
        if (k.isEmpty()) {
          continue;
        }
        for (int s = 0; s + k.size() <= terms.size(); s++) {
          if (typos ? close(terms.subList(s, s + k.size()), k) : terms.subList(s, s + k.size()).equals(k)) {
            hits.add(new Hit(i, s, s + k.size()));
          }
        }
      }
    }
    List<Hit> kept = hits.stream()
        .filter(h -> hits.stream().noneMatch(o -> o.choice != h.choice && h.inside(o)))
        .toList();
    long distinct = kept.stream().mapToInt(Hit::choice).distinct().count();
    return distinct == 1 ? Optional.of(kept.get(0).choice) : Optional.empty();
  }

  /** The same words, each at most the typos its length allows away, at least one word long enough to carry one. */
  private static boolean close(List<String> typed, List<String> keyword) {
    boolean longWord = false;
    for (int i = 0; i < typed.size(); i++) {
      String k = keyword.get(i);
      int max = EditDistance.allowed(k.length());
      longWord |= max > 0;
      if (!typed.get(i).equals(k) && EditDistance.osa(typed.get(i), k, max) > max) {
        return false;
      }
    }
    return longWord;
  }
}
