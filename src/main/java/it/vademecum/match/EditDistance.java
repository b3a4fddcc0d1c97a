package it.vademecum.match;

/** Typo distance shared by the topic matcher and the engine's keyword spotting. */
public final class EditDistance {

  private EditDistance() {}

  /** The edits a word of this length may carry and still count as the same word: 1 for 5+ letters, 2 for 8+. */
  public static int allowed(int length) {
    return length >= 8 ? 2 : length >= 5 ? 1 : 0;
  }

  /** Optimal string alignment distance, giving up (returning max + 1) beyond max. */
  public static int osa(String a, String b, int max) {
    int size = b.length() + 1;
    return osa(a, b, max, new int[size], new int[size], new int[size]);
  }

  static int osa(String a, String b, int max, int[] prev2, int[] prev, int[] cur) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[m];
  }

}
