package it.vademecum.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Topic recognition over an in-memory index of the topics' words.
 *
 * <p>Each topic contributes its title and triggers (phrases agents write), its signals (PEC
 * domains, queue names, sites, procedure codes) and the other words of its tree
 * ({@link TopicIndex}). A message is turned into terms by the {@link TermPipeline} (abbreviations,
 * Italian analysis, synonyms), typos are corrected against the index vocabulary
 * ({@link TypoCorrector}), each topic is scored ({@link TopicScorer}), and English messages are
 * no topic ({@link LanguageFilter}) unless their PEC words would start a topic (then a menu).
 * The score is in [0, 1]; one set of thresholds
 * ({@link #CONFIDENT}, {@link #MARGIN}, {@link #AMBIGUOUS}) gives the verdict; a sentence of two
 * clauses about two topics gets a menu with both. Built with examples, a classifier then orders
 * every menu and may turn a "no topic" into one ({@link ClassifierBlend}); a confident topic
 * stands unless the classifier is sure the message is no topic. Immutable and thread-safe.
 */
public final class LexicalTopicMatcher implements TopicMatcher {

  /** A best score at least this high, and {@link #MARGIN} above the second, starts the topic. */
  public static final double CONFIDENT = 0.50;
  /** Minimum lead of the best topic over the second for a confident verdict. */
  public static final double MARGIN = 0.20;
  /** Below this best score the answer is "no topic". */
  public static final double AMBIGUOUS = 0.28;

  /** An English message gets a menu from this best score (no margin: a menu is a question anyway). */
  static final double ENGLISH_MENU = 0.42;

  private static final int RANKED = 10;
  /** A clause counts as naming its own topic from this score and lead (a clause is short). */
  private static final double CLAUSE_CONFIDENT = 0.45;
  private static final double CLAUSE_MARGIN = 0.10;
  /** A one-word clause after "ma" names its topic only from this score (one word is little to go on). */
  private static final double ONE_WORD_AFTER_BUT = 0.80;

  private final String[] ids;
  private final TermPipeline pipeline;
  private final TopicIndex index;
  private final TypoCorrector typos;
  private final TopicScorer scorer;
  /** Null when built without examples: the lexical answer alone. */
  private final ClassifierBlend blend;

  private LexicalTopicMatcher(TermPipeline pipeline, TopicIndex index, ClassifierBlend blend) {
    this.ids = index.ids;
    this.pipeline = pipeline;
    this.index = index;
    this.typos = new TypoCorrector(index, pipeline);
    this.scorer = new TopicScorer(index, pipeline, typos);
    this.blend = blend;
  }

  /** Indexes the topics; the lexicon is applied to topic texts and to every message. No classifier. */
  public static LexicalTopicMatcher build(List<TopicText> topics, Lexicon lexicon) {
    return build(topics, lexicon, List.of());
  }

  /**
   * Indexes the topics and, when there are examples, trains the topic classifier on the topics'
   * titles and triggers and on the examples, which then re-orders menus and rescues sentences the
   * lexicon does not know ({@link ClassifierBlend}).
   */
  public static LexicalTopicMatcher build(List<TopicText> topics, Lexicon lexicon, List<Example> examples) {
    // The classifier trains on another core while the index is built: start-up waits for the longer of the two.
    CompletableFuture<TopicClassifier> classifier = examples.isEmpty() ? null
        : CompletableFuture.supplyAsync(() -> TopicClassifier.train(topics, examples));
    TermPipeline pipeline = new TermPipeline(lexicon, new ItalianAnalysis());
    TopicIndex index = TopicIndex.build(topics, pipeline);
    return new LexicalTopicMatcher(pipeline, index, classifier == null ? null : new ClassifierBlend(classifier.join()));
  }

  /**
   * The whole sentence's score for every topic, by topic id, before any verdict (empty when no
   * word is known): what {@link #rank} decides on, for measuring.
   */
  Map<String, Double> rawScores(Lexical lexical) {
    double[] score = lexical.score();
    Map<String, Double> out = new LinkedHashMap<>();
    if (score != null) {
      for (int t = 0; t < score.length; t++) {
        out.put(ids[t], round(score[t]));
      }
    }
    return out;
  }

  /**
   * The classifier's probability of every topic by id, and of "no topic" under the key
   * {@code "none"} (empty without a classifier): for measuring, like {@link #rawScores}.
   */
  public Map<String, Double> classifierScores(String text) {
    return blend == null || text == null || text.isBlank() ? Map.of() : blend.probabilities(text);
  }

  /** Number of indexed topics. */
  public int size() {
    return ids.length;
  }

  @Override
  public Ranking rank(String text) {
    Lexical lexical = lexical(text);
    return blend == null ? lexical.ranking() : blend.apply(text, lexical, () -> namesForeign(lexical.terms()));
  }

  /**
   * The lexical answer before the classifier, which way it was found (no words, an English
   * message, two clauses about two topics, one topic), every topic's score (null: no word known)
   * and the message's terms (analysed once per message).
   */
  record Lexical(Path path, Ranking ranking, double[] score, List<String> terms) {
    enum Path { EMPTY, ENGLISH, TWO, SINGLE }
  }

  Lexical lexical(String text) {
    if (text == null || text.isBlank()) {
      return new Lexical(Lexical.Path.EMPTY, Ranking.none(), null, List.of());
    }
    boolean english = LanguageFilter.mostlyEnglish(text);
    List<String> terms = pipeline.terms(text);
    double[] score = scorer.scores(text, terms);
    if (english) {
      return new Lexical(Lexical.Path.ENGLISH, englishMenu(score), score, terms);
    }
    int[] two = twoTopics(text, score);
    if (two != null) {
      return new Lexical(Lexical.Path.TWO, both(score, two[0], two[1]), score, terms);
    }
    return new Lexical(Lexical.Path.SINGLE, single(score), score, terms);
  }

  /** Whether a word of the message belongs to another product or to office life (the lexicon's foreign words). */
  boolean namesForeign(List<String> terms) {
    for (String term : terms) {
      if (pipeline.isForeign(term)) {
        return true;
      }
    }
    return false;
  }

  /** The lexical verdict on a sentence that is about one topic. */
  private Ranking single(double[] score) {
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
    List<Scored> ranked = ranked(score, order);
    Ranking.Verdict verdict = s1 >= CONFIDENT && s1 - s2 >= MARGIN
        ? Ranking.Verdict.CONFIDENT : Ranking.Verdict.AMBIGUOUS;
    return new Ranking(ranked, verdict);
  }

  /**
   * An English message is no topic (the bot answers in Italian about Italian procedures), unless
   * its PEC words point clearly at topics ("the customer forgot the pec password", "my shift is
   * over, what about my open tickets"): then a menu, never a topic started, so the agent confirms
   * in one click. Clearly is {@link #ENGLISH_MENU}, above the Italian menu's floor, since English
   * office chatter shares words with the topics ("ticket", "password").
   */
  private Ranking englishMenu(double[] score) {
    if (score == null) {
      return Ranking.none();
    }
    Integer[] order = byScore(score);
    if (score[order[0]] < ENGLISH_MENU) {
      return Ranking.none();
    }
    return new Ranking(ranked(score, order), Ranking.Verdict.AMBIGUOUS);
  }

  /** The topics with a positive score, best first, at most {@link #RANKED}. */
  private List<Scored> ranked(double[] score, Integer[] order) {
    List<Scored> ranked = new ArrayList<>();
    for (int i = 0; i < Math.min(RANKED, order.length) && score[order[i]] > 0; i++) {
      ranked.add(new Scored(ids[order[i]], round(score[order[i]])));
    }
    return ranked;
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
  private static final Pattern CLAUSES = Pattern.compile(
      "[,;?!:]+\\s+|\\s+(?:e poi|e anche|ma anche|inoltre|ma|poi|e|anche|pero|però|invece|e intanto|e già che c'è|e gia che c e|e già che ci sono"
          + "|e gia che ci sono|chiede anche|vuole anche|e in più|e in piu|oltre a questo)\\s+");

  /**
   * Two topics in one sentence: two clauses, each confidently about a different topic. Returns the
   * two, the main one first, or null. The main one is the topic that is not only named in an aside
   * ("... e già che c'è vuole anche ...": {@link ClauseRole}); otherwise the one the whole sentence
   * scores higher (what it is mostly about).
   */
  private int[] twoTopics(String text, double[] whole) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> clauses = new ArrayList<>();
    List<String> separators = new ArrayList<>();
    Matcher m = CLAUSES.matcher(lower);
    int start = 0;
    while (m.find()) {
      if (m.start() > start) {
        clauses.add(lower.substring(start, m.start()));
        separators.add(m.group());
      }
      start = m.end();
    }
    if (start < lower.length()) {
      clauses.add(lower.substring(start));
      separators.add("");
    }
    if (clauses.size() < 2 || clauses.size() > 6) {
      return null;
    }
    int first = -1;
    double firstScore = 0;
    boolean firstMain = false;
    int second = -1;
    double secondScore = 0;
    boolean secondMain = false;
    for (int i = 0; i < clauses.size(); i++) {
      String clause = clauses.get(i);
      boolean main = !ClauseRole.aside(clause, i == 0 ? "" : separators.get(i - 1));
      List<String> clauseTerms = pipeline.terms(clause);
      int terms = clauseTerms.size();
      boolean small = terms < 2 && pipeline.contentWords(clause) < 2;
      // One word after "ma" may be the point ("... andato a buon fine ma la fattura non c'è").
      boolean afterBut = i > 0 && separators.get(i - 1).trim().equals("ma");
      if (small && !(afterBut && terms == 1)) {
        continue;
      }
      double[] sc = scorer.scores(clause, clauseTerms);
      if (sc == null) {
        continue;
      }
      Integer[] order = byScore(sc);
      int top = order[0];
      double s1 = sc[top];
      double s2 = order.length > 1 ? sc[order[1]] : 0;
      if (s1 < CLAUSE_CONFIDENT || s1 - s2 < CLAUSE_MARGIN || (small && s1 < ONE_WORD_AFTER_BUT)) {
        continue;
      }
      if (first < 0 || top == first) {
        first = top;
        firstScore = Math.max(firstScore, s1);
        firstMain |= main;
      } else if (second < 0 || top == second) {
        second = top;
        secondScore = Math.max(secondScore, s1);
        secondMain |= main;
      }
    }
    if (first < 0 || second < 0) {
      return null;
    }
    if (firstMain != secondMain) {
      return firstMain ? new int[] {first, second} : new int[] {second, first};
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
      if (index.id(term) == null) {
        Integer variant = scorer.known(term);
        String fix = variant != null ? index.terms[variant] : correct(term);
        shown = fix == null ? term + "?" : term + "~" + fix;
      }
      if (pipeline.isForeign(term)) {
        shown += "!";
      }
      sb.append(shown).append(' ');
    }
    return sb.toString().trim();
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  /** The index term closest to an unknown one (see {@link TypoCorrector}); null if none. */
  String correct(String term) {
    return typos.correct(term);
  }
}
