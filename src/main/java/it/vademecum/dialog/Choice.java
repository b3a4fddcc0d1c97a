package it.vademecum.dialog;

import java.util.List;

/** One answer of a question; keywords and a fact condition let the first message pick it. */
public record Choice(String label, String next, List<String> keywords, Condition when) {
  public Choice {
    keywords = List.copyOf(keywords);
  }
}
