package it.vademecum.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The classifier's features as keys worked out from the letters, against their spelling. */
class SentenceFeaturesTest {

  /** Texts that stress the folding and the marks: accents, apostrophes, digits, emoji, upper case. */
  private static final List<String> ODD = List.of("", "   ", "è", "PERCHÉ non arrivano più le PEC?!",
      "l'utente dell'area clienti", "ticket 123456 del 3/11", "ok 👍 grazie 🙏🏻", "àèìòù ÀÈÌÒÙ ç ñ",
      "Aggiornamento azioni amento mente", "a b c d e f g", "xx-yy_zz.ww@aruba.it");

  @Test
  void keysAreTheHashesOfTheSpelledFeaturesAndTheirWeightsTheSpelledCounts() {
    for (String text : sentences()) {
      Map<Long, Double> expected = new HashMap<>();
      Spelled.of(text).forEach((feature, count) -> expected.merge(SentenceFeatures.key(feature), count, Double::sum));
      SentenceFeatures.Features actual = SentenceFeatures.of(text);
      Map<Long, Double> got = new HashMap<>();
      for (int i = 0; i < actual.keys().length; i++) {
        assertEquals(null, got.put(actual.keys()[i], actual.counts()[i]), "a key given twice for: " + text);
      }
      assertEquals(expected.keySet(), got.keySet(), text);
      expected.forEach((k, v) -> assertEquals(v, got.get(k), 1e-9, text));
    }
  }

  @Test
  void spellsASentenceAsStemsPairsAndPiecesLeavingFunctionWordsOutOfTheStems() {
    Map<String, Double> f = Spelled.of("Il cliente non riceve le PEC");
    assertEquals(1.0, f.get("w:client"));
    assertEquals(1.0, f.get("w:ricev"));
    assertEquals(1.0, f.get("w:pec"));
    assertEquals(1.0, f.get("b:client_ricev"));
    assertEquals(1.0, f.get("b:ricev_pec"));
    assertFalse(f.containsKey("w:non"), "a function word has no stem");
    assertEquals(0.3, f.get("c:<no"), 1e-9, "but its letter pieces count");
    assertEquals(0.3, f.get("c:non>"), 1e-9);
    assertFalse(f.keySet().stream().anyMatch(k -> k.contains("il") && k.startsWith("c:")), "no pieces of a two-letter word");
    Set<Long> keys = new HashSet<>();
    for (long k : SentenceFeatures.of("Il cliente non riceve le PEC").keys()) {
      keys.add(k);
    }
    assertEquals(f.keySet().stream().map(SentenceFeatures::key).collect(Collectors.toSet()), keys);
  }

  @Test
  void onlyAWordsStemIsAWord() {
    assertTrue(SentenceFeatures.isWord(SentenceFeatures.key("w:pec")));
    assertFalse(SentenceFeatures.isWord(SentenceFeatures.key("b:pec_scad")));
    assertFalse(SentenceFeatures.isWord(SentenceFeatures.key("c:<pe")));
    assertEquals(1, LongStream.of(SentenceFeatures.of("la PEC").keys()).filter(SentenceFeatures::isWord).count(),
        "one stem, three letter pieces");
  }

  @Test
  void stemCutsTheLongestSuffixThatEndsTheWordAsTheRegularExpressionDid() {
    Pattern suffix = Pattern.compile(
        "(amento|azione|azioni|mente|ando|endo|ato|ata|ati|ate|ito|ita|iti|ite|are|ere|ire)$");
    List<String> words = new ArrayList<>(List.of("azione", "amento", "aggiornamento", "attivazioni", "velocemente",
        "mandando", "scaduta", "scadute", "ire", "partire", "rimborso"));
    for (String text : sentences()) {
      words.addAll(SentenceFeatures.words(text));
    }
    for (String w : words) {
      String s = w;
      if (s.length() > 5) {
        String cut = suffix.matcher(s).replaceFirst("");
        s = cut.isEmpty() ? s : cut;
      }
      if (s.length() > 3 && "aeiou".indexOf(s.charAt(s.length() - 1)) >= 0) {
        s = s.substring(0, s.length() - 1);
      }
      assertEquals(s, SentenceFeatures.stem(w), w);
    }
  }

  @Test
  void columnsFindEveryKeyTheyWereGivenAndNoOther() {
    Random random = new Random(7);
    long[] keys = random.longs(5000).filter(k -> k != 0).distinct().toArray();
    FeatureColumns columns = new FeatureColumns(keys);
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, columns.column(keys[i]));
    }
    Set<Long> given = new HashSet<>();
    LongStream.of(keys).forEach(given::add);
    random.longs(5000).filter(k -> !given.contains(k)).forEach(k -> assertEquals(-1, columns.column(k)));
    assertEquals(-1, columns.column(0));
    assertEquals(-1, new FeatureColumns(new long[0]).column(42));
  }

  @Test
  void columnsRefuseTheEmptyKeyAndAKeyGivenTwice() {
    assertThrows(IllegalArgumentException.class, () -> new FeatureColumns(new long[] {3, 0}));
    assertThrows(IllegalArgumentException.class, () -> new FeatureColumns(new long[] {3, 5, 3}));
  }

  /** Every title, trigger and example sentence, and the odd texts. */
  private static List<String> sentences() {
    List<String> out = new ArrayList<>(ODD);
    List<TopicText> topics = DialogTopics.load();
    for (TopicText t : topics) {
      out.add(t.title());
      out.addAll(t.triggers());
    }
    Examples.read(DialogTopics.dir().resolve(Examples.FILE), topics.stream().map(TopicText::id).toList())
        .examples().forEach(e -> out.add(e.text()));
    return out;
  }

  /** The features spelled out, as the classifier first kept them: the reference for the keys. */
  private static final class Spelled {

    static Map<String, Double> of(String text) {
      Map<String, Double> out = new HashMap<>();
      List<String> stems = new ArrayList<>();
      for (String w : SentenceFeatures.words(text)) {
        if (!SentenceFeatures.FUNCTION_WORDS.contains(w)) {
          String s = SentenceFeatures.stem(w);
          stems.add(s);
          out.merge("w:" + s, 1.0, Double::sum);
        }
        if (w.length() >= 3) {
          String marked = "<" + w + ">";
          for (int n = 3; n <= 4; n++) {
            for (int i = 0; i + n <= marked.length(); i++) {
              out.merge("c:" + marked.substring(i, i + n), 0.3, Double::sum);
            }
          }
        }
      }
      for (int i = 0; i + 1 < stems.size(); i++) {
        out.merge("b:" + stems.get(i) + "_" + stems.get(i + 1), 1.0, Double::sum);
      }
      return out;
    }
  }
}
