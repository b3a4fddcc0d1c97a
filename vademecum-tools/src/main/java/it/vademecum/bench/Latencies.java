package it.vademecum.bench;

import java.util.Arrays;

/** Turn latencies of one kind of bot (nanoseconds), safe for many agents; percentiles in ms. */
final class Latencies {

  private long[] values = new long[1 << 14];
  private int size;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized int count() {
    return size;
  }

  /** The p-th percentile (0-100) in milliseconds, nearest rank; 0 with no values. */
  synchronized double percentileMs(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }
}
