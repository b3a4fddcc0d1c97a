package it.vademecum.cli;

import it.vademecum.match.ItalianAnalysis;

public final class Main {
  public static void main(String[] args) {
    try (ItalianAnalysis a = new ItalianAnalysis()) {
      System.out.println(a.terms(String.join(" ", args)));
    }
  }
}
