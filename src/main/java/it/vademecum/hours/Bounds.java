package it.vademecum.hours;

/** A quantity known to lie between min and max (equal when exact; max may be infinite). */
public record Bounds(double min, double max) {

  public static Bounds exactly(double v) {
    return new Bounds(v, v);
  }

  /** "more than v": just above v, no upper limit. */
  public static Bounds above(double v) {
    return new Bounds(v + 0.01, Double.POSITIVE_INFINITY);
  }

  /** "N, N" or "N–M" or "più di N", in Italian, rounded to whole units. */
  public String italian() {
    long lo = Math.round(min);
    if (Double.isInfinite(max)) {
      return "più di " + Math.round(Math.floor(min));
    }
    long hi = Math.round(max);
    return lo == hi ? String.valueOf(lo) : "tra " + lo + " e " + hi;
  }
}
