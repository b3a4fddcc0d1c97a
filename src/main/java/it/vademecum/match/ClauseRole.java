package it.vademecum.match;

import java.util.regex.Pattern;

/**
 * Whether a clause of a two-topic sentence is an aside, from general Italian alone (never from a
 * topic's words): what people add on top of their main point comes with "anche", "pure",
 * "inoltre", "già che c'è", "almeno", "magari", "nel frattempo", or after "e poi", "chiede anche",
 * "in più" ("vuole recedere dalla pec e disdire anche la conservazione": the withdrawal is the
 * point). "Intanto" is not among them: it as often introduces the point itself ("è in attesa,
 * intanto come gli faccio chiudere la richiesta").
 */
final class ClauseRole {

  /** Words that make a clause an aside. */
  private static final Pattern ASIDE = Pattern.compile(
      "(?<![\\p{L}\\d])(?:anche|pure|frattempo|inoltre|oltretutto|almeno|eventualmente|magari"
          + "|già che|gia che)(?![\\p{L}\\d])");

  /** Separators after which the next clause is an aside. */
  private static final Pattern ASIDE_SEPARATOR = Pattern.compile(
      "\\s*(?:anche|e anche|ma anche|chiede anche|vuole anche|inoltre|e in più|e in piu|oltre a questo|poi|e poi"
          + "|e già che c'è|e gia che c e|e già che ci sono|e gia che ci sono)\\s*");

  private ClauseRole() {}

  /** Whether the clause (lower case), after the separator {@code before} ("" for the first), is an aside. */
  static boolean aside(String clause, String before) {
    return ASIDE_SEPARATOR.matcher(before).matches() || ASIDE.matcher(clause).find();
  }
}
