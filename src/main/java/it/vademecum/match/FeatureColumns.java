package it.vademecum.match;

/**
 * The classifier's column of every feature key it learned: an open-addressing table in one array,
 * key and column side by side, so that looking a key up costs one cache line where a
 * {@code HashMap<String, Integer>} walks a node, a string and its bytes. Immutable once built.
 */
final class FeatureColumns {

  /** Key at {@code 2 * i}, column at {@code 2 * i + 1}; key 0 is an empty slot. */
  private final long[] slots;

  /** The column of {@code keys[i]} is {@code i}; keys are distinct and never 0. */
  FeatureColumns(long[] keys) {
    int capacity = capacity(keys.length);
    slots = new long[2 * capacity];
    int mask = capacity - 1;
    for (int c = 0; c < keys.length; c++) {
      if (keys[c] == 0) {
        throw new IllegalArgumentException("key 0 is kept for empty slots");
      }
      int i = slot(keys[c], mask);
      while (slots[2 * i] != 0) {
        if (slots[2 * i] == keys[c]) {
          throw new IllegalArgumentException("key given twice: " + keys[c]);
        }
        i = (i + 1) & mask;
      }
      slots[2 * i] = keys[c];
      slots[2 * i + 1] = c;
    }
  }

  /** The key's column, or -1 when the key was not learned. */
  int column(long key) {
    if (key == 0) {
      return -1;
    }
    int mask = slots.length / 2 - 1;
    int i = slot(key, mask);
    while (true) {
      long k = slots[2 * i];
      if (k == key) {
        return (int) slots[2 * i + 1];
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** A table size for {@code n} keys: a power of two, at least twice {@code n}, so probes stay short. */
  static int capacity(int n) {
    return Integer.highestOneBit(Math.max(n, 2) * 2 - 1) << 1;
  }

  /** A key's first slot in a table of {@code mask + 1} slots (keys are hashes already). */
  static int slot(long key, int mask) {
    return (int) (key ^ key >>> 32) & mask;
  }
}
