package it.vademecum.match;

import java.util.ArrayList;
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
  private static final int EPOCHS = 8;
  private static final double RATE = 0.8;
  private static final long SEED = 16;
  /** A class whose gradient is below this for a sentence is left as it is by that sentence. */
  private static final double NEGLIGIBLE = 1e-3;

  private final String[] classes;
  private final int none;
  private final Map<String, Integer> vocabulary;
  private final double[] idf;
  private final float[] weights;
  private final float[] bias;

  private TopicClassifier(String[] classes, Map<String, Integer> vocabulary, double[] idf, float[] weights,
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
    List<Map<String, Double>> raw = new ArrayList<>();
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
    // One id per feature, in the order first seen (which the sentences' order fixes: deterministic).
    Map<String, Integer> seen = new HashMap<>();
    int n = raw.size();
    int[][] ids = new int[n][];
    double[][] counts = new double[n][];
    int[] df = new int[1024];
    for (int i = 0; i < n; i++) {
      Map<String, Double> f = raw.get(i);
      ids[i] = new int[f.size()];
      counts[i] = new double[f.size()];
      int m = 0;
      for (Map.Entry<String, Double> e : f.entrySet()) {
        int id = seen.computeIfAbsent(e.getKey(), k -> seen.size());
        if (id >= df.length) {
          df = java.util.Arrays.copyOf(df, df.length * 2);
        }
        df[id]++;
        ids[i][m] = id;
        counts[i][m++] = e.getValue();
      }
    }
    int[] column = new int[seen.size()];
    int d = 0;
    for (int id = 0; id < column.length; id++) {
      column[id] = df[id] >= MIN_DF ? d++ : -1;
    }
    double[] idf = new double[d];
    for (int id = 0; id < column.length; id++) {
      if (column[id] >= 0) {
        idf[column[id]] = Math.log((1.0 + n) / (1.0 + df[id])) + 1;
      }
    }
    Map<String, Integer> vocabulary = new HashMap<>();
    seen.forEach((k, id) -> {
      if (column[id] >= 0) {
        vocabulary.put(k, column[id]);
      }
    });
    TopicClassifier model = new TopicClassifier(classes, vocabulary, idf, new float[d * c], new float[c]);
    Vector[] xs = new Vector[n];
    for (int i = 0; i < n; i++) {
      int[] index = new int[ids[i].length];
      double[] value = new double[ids[i].length];
      int m = 0;
      for (int k = 0; k < ids[i].length; k++) {
        int col = column[ids[i][k]];
        if (col >= 0) {
          index[m] = col;
          value[m++] = counts[i][k];
        }
      }
      xs[i] = model.vector(java.util.Arrays.copyOf(index, m), value, m);
    }
    model.fit(xs, labels.stream().mapToInt(Integer::intValue).toArray());
    return model;
  }

  /** Plain stochastic gradient descent on the cross-entropy, a fixed shuffle per epoch. */
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
      double rate = RATE / (1 + epoch);
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
            bias[j] -= (float) (rate * 0.1 * p[j]);
          }
        }
        for (int k = 0; k < x.index.length; k++) {
          int base = x.index[k] * c;
          float step = (float) (rate * x.value[k]);
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

  /** The probability of every class for a sentence. */
  double[] probabilities(String text) {
    float[] p = new float[classes.length];
    softmax(vector(SentenceFeatures.of(text)), p);
    double[] out = new double[p.length];
    for (int j = 0; j < p.length; j++) {
      out[j] = p[j];
    }
    return out;
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
  private Vector vector(Map<String, Double> counts) {
    int[] index = new int[counts.size()];
    double[] value = new double[counts.size()];
    int m = 0;
    for (Map.Entry<String, Double> e : counts.entrySet()) {
      Integer i = vocabulary.get(e.getKey());
      if (i != null) {
        index[m] = i;
        value[m++] = e.getValue();
      }
    }
    return vector(java.util.Arrays.copyOf(index, m), value, m);
  }

  /** The first {@code m} columns and raw counts, log-scaled, times IDF, unit length. */
  private Vector vector(int[] index, double[] counts, int m) {
    float[] value = new float[m];
    double norm = 0;
    for (int k = 0; k < m; k++) {
      double v = counts[k];
      v = (v >= 1 ? 1 + Math.log(v) : v) * idf[index[k]];
      value[k] = (float) v;
      norm += v * v;
    }
    norm = norm == 0 ? 1 : Math.sqrt(norm);
    for (int k = 0; k < m; k++) {
      value[k] = (float) (value[k] / norm);
    }
    return new Vector(index, value);
  }

  private record Vector(int[] index, float[] value) {}
}
