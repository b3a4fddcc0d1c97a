package it.vademecum.privacy;

import java.math.BigInteger;
import java.util.Locale;

/** The check-digit algorithms of the identifiers the {@link Redactor} recognises. Pure. */
public final class Checksums {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /** Odd-position values of the codice fiscale check algorithm (A..Z, then 0..9 map to A..J). */
  private static final int[] ODD = {
      1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

  private Checksums() {}

  /** Luhn (mod 10) over a string of digits: payment cards, and the Italian partita IVA. */
  public static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return !digits.isEmpty() && sum % 10 == 0;
  }

  /**
   * Partita IVA (and the numeric codice fiscale of companies, which uses the same algorithm):
   * 11 digits whose last is the check digit. The algorithm is Luhn over the 11 digits.
   */
  public static boolean partitaIva(String digits) {
    return digits.length() == 11 && luhn(digits) && !digits.equals("00000000000");
  }

  /** IBAN: 15 to 34 letters and digits, country code, 2 check digits, mod 97 == 1 (ISO 13616). */
  public static boolean iban(String compact) {
    String s = compact.toUpperCase(Locale.ROOT);
    if (s.length() < 15 || s.length() > 34
        || !Character.isLetter(s.charAt(0)) || !Character.isLetter(s.charAt(1))
        || !Character.isDigit(s.charAt(2)) || !Character.isDigit(s.charAt(3))) {
      return false;
    }
    String rotated = s.substring(4) + s.substring(0, 4);
    StringBuilder n = new StringBuilder(rotated.length() * 2);
    for (int i = 0; i < rotated.length(); i++) {
      char c = rotated.charAt(i);
      if (c >= '0' && c <= '9') {
        n.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        n.append(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return new BigInteger(n.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }

  /** The check character (A..Z) of the first 15 characters of a codice fiscale, or '?' if malformed. */
  public static char codiceFiscaleCheck(String first15) {
    String s = first15.toUpperCase(Locale.ROOT);
    if (s.length() < 15) {
      return '?';
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = s.charAt(i);
      int idx;
      if (c >= '0' && c <= '9') {
        idx = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        idx = c - 'A';
      } else {
        return '?';
      }
      // positions are 1-based in the specification: odd positions are i = 0, 2, 4, ...
      sum += i % 2 == 0 ? ODD[idx] : idx;
    }
    return (char) ('A' + sum % 26);
  }

  /** Whether a 16-character codice fiscale (omocodia substitutions included) has a correct check character. */
  public static boolean codiceFiscale(String cf) {
    return cf.length() == 16 && Character.toUpperCase(cf.charAt(15)) == codiceFiscaleCheck(cf);
  }
}
