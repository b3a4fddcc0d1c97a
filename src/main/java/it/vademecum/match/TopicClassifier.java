package it.vademecum.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A multinomial logistic regression over {@link SentenceFeatures}, trained on the topics' titles
 * and triggers and on the labelled example sentences, with one more class for "no topic" (the
 * examples whose topic is null). Trained when built, deterministically (a fixed shuffle); immutable
 * afterwards and thread-safe.
 */
final class TopicClassifier {

  /** A feature must occur in this many training sentences to be kept. */
  private static final int MIN_DF = 2;
  private static final int EPOCHS = 6;
  private static final double RATE = 2.0;
  private static final long SEED = 16;
  /** A class whose gradient is below this for a sentence is left as it is by that sentence. */
  private static final double NEGLIGIBLE = 1e-3;

  private final String[] classes;
  private final int none;
  private final FeatureColumns vocabulary;
  private final double[] idf;
  private final float[] weights;
  private final float[] bias;

  private TopicClassifier(String[] classes, FeatureColumns vocabulary, double[] idf, float[] weights,
      float[] bias) {
    this.classes = classes;
    this.none = classes.length - 1;
    this.vocabulary = vocabulary;
    this.idf = idf;
    this.weights = weights;
    this.bias = bias;
  }

  /** The classes: the topic ids in {@code topics}' order, then "no topic" (index {@link #noneClass()}). */
  static TopicClassifier train(List<TopicText> topics, List<Example> examples) {
    int c = topics.size() + 1;
    String[] classes = new String[c];
    Map<String, Integer> classOf = new HashMap<>();
    for (int t = 0; t < topics.size(); t++) {
      classes[t] = topics.get(t).id();
      classOf.put(classes[t], t);
    }
    List<SentenceFeatures.Features> raw = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (TopicText t : topics) {
      raw.add(SentenceFeatures.of(t.title()));
      labels.add(classOf.get(t.id()));
      for (String trigger : t.triggers()) {
        raw.add(SentenceFeatures.of(trigger));
        labels.add(classOf.get(t.id()));
      }
    }
    for (Example e : examples) {
      Integer label = e.topic() == null ? Integer.valueOf(c - 1) : classOf.get(e.topic());
      if (label != null) {
        raw.add(SentenceFeatures.of(e.text()));
        labels.add(label);
      }
    }
    Columns columns = Columns.of(raw);
    TopicClassifier model = new TopicClassifier(classes, columns.vocabulary(), columns.idf(),
        new float[columns.idf().length * c], new float[c]);
    Vector[] xs = new Vector[raw.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = model.vector(raw.get(i));
    }
    model.fit(xs, labels.stream().mapToInt(Integer::intValue).toArray());
    return model;
  }

  /** The features kept (those in {@link #MIN_DF} sentences or more), their column and their IDF. */
  private record Columns(FeatureColumns vocabulary, double[] idf) {

    static Columns of(List<SentenceFeatures.Features> raw) {
      Map<Long, Integer> df = new HashMap<>();
      for (SentenceFeatures.Features f : raw) {
        for (long k : f.keys()) {
          df.merge(k, 1, Integer::sum);
        }
      }
      // Columns in key order, so that they depend on the training sentences only.
      long[] kept = df.entrySet().stream().filter(e -> e.getValue() >= MIN_DF)
          .mapToLong(Map.Entry::getKey).sorted().toArray();
      double[] idf = new double[kept.length];
      int n = raw.size();
      for (int i = 0; i < kept.length; i++) {
        idf[i] = Math.log((1.0 + n) / (1.0 + df.get(kept[i]))) + 1;
      }
      return new Columns(new FeatureColumns(kept), idf);
    }
  }

  /** Plain stochastic gradient descent on the cross-entropy at a constant rate, a fixed shuffle per epoch. */
  private void fit(Vector[] xs, int[] labels) {
    int c = classes.length;
    int[] order = new int[xs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(SEED);
    float[] p = new float[c];
    int[] active = new int[c];
    float[] gradient = new float[c];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      for (int i : order) {
        Vector x = xs[i];
        softmax(x, p);
        p[labels[i]] -= 1;
        // Only the classes the sentence still moves: most are already near zero after an epoch.
        int moved = 0;
        for (int j = 0; j < c; j++) {
          if (Math.abs(p[j]) >= NEGLIGIBLE) {
            active[moved] = j;
            gradient[moved++] = p[j];
            bias[j] -= (float) (RATE * 0.1 * p[j]);
          }
        }
        for (int k = 0; k < x.index.length; k++) {
          int base = x.index[k] * c;
          float step = (float) (RATE * x.value[k]);
          for (int m = 0; m < moved; m++) {
            weights[base + active[m]] -= step * gradient[m];
          }
        }
      }
    }
  }

  /** Index of the "no topic" class. */
  int noneClass() {
    return none;
  }

  /** The class ids: topic ids, then null for "no topic". */
  String classId(int k) {
    return k == none ? null : classes[k];
  }

  /** The class index of a topic id, -1 when unknown. */
  int classIndex(String topicId) {
    for (int k = 0; k < none; k++) {
      if (classes[k].equals(topicId)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * What the classifier says of a sentence: the probability of every class, and whether it
   * learned at least one whole word of it (not only letter pieces, which any unknown word shares
   * with some topic: "ricetta" with "richiesta").
   */
  record Prediction(double[] p, boolean knowsAWord) {}

  /** The sentence's {@link Prediction}, from one pass over its features. */
  Prediction predict(String text) {
    Vector x = vector(SentenceFeatures.of(text));
    float[] p = new float[classes.length];
    softmax(x, p);
    double[] out = new double[p.length];
    for (int j = 0; j < p.length; j++) {
      out[j] = p[j];
    }
    return new Prediction(out, x.knowsAWord);
  }

  /** The probability of every class for a sentence. */
  double[] probabilities(String text) {
    return predict(text).p();
  }

  /** The class probabilities of a vector, into {@code p} (float throughout, so the loops vectorise). */
  private void softmax(Vector x, float[] p) {
    int c = classes.length;
    System.arraycopy(bias, 0, p, 0, c);
    for (int k = 0; k < x.index.length; k++) {
      int base = x.index[k] * c;
      float v = x.value[k];
      for (int j = 0; j < c; j++) {
        p[j] += v * weights[base + j];
      }
    }
    float max = Float.NEGATIVE_INFINITY;
    for (float z : p) {
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int j = 0; j < c; j++) {
      p[j] = (float) Math.exp(p[j] - max);
      sum += p[j];
    }
    for (int j = 0; j < c; j++) {
      p[j] = (float) (p[j] / sum);
    }
  }

  /** Log-scaled counts times IDF, unit length; unknown features dropped. */
  private Vector vector(SentenceFeatures.Features features) {
    long[] keys = features.keys();
    double[] counts = features.counts();
    int[] index = new int[keys.length];
    float[] value = new float[keys.length];
    int m = 0;
    double norm = 0;
    boolean knowsAWord = false;
    for (int k = 0; k < keys.length; k++) {
      int i = vocabulary.column(keys[k]);
      if (i < 0) {
        continue;
      }
      knowsAWord |= SentenceFeatures.isWord(keys[k]);
      double v = counts[k];
      v = (v >= 1 ? 1 + Math.log(v) : v) * idf[i];
      index[m] = i;
      value[m++] = (float) v;
      norm += v * v;
    }
    norm = norm == 0 ? 1 : Math.sqrt(norm);
    float[] unit = Arrays.copyOf(value, m);
    for (int k = 0; k < m; k++) {
      unit[k] = (float) (unit[k] / norm);
    }
    return new Vector(Arrays.copyOf(index, m), unit, knowsAWord);
  }

  /** A sentence's features as columns and unit-length values; whether one is a whole word. */
  private record Vector(int[] index, float[] value, boolean knowsAWord) {}
}
