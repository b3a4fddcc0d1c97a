package it.vademecum.engine;

import it.vademecum.dialog.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fills the placeholders of a step's phrases: @saluto@, @nome@, @indirizzo@. */
final class Phrases {

  static final String NAME = "nome";
  static final String ADDRESS = "indirizzo";
  /** What a phrase shows where a value is still missing: a blank the agent sees at once. */
  static final String BLANK_ADDRESS = "[indirizzo PEC del cliente]";
  static final String BLANK_NAME = "[il tuo nome]";

  private Phrases() {}

  /** The values the step's phrases need, in the order they should be asked. */
  static Set<String> needed(Step step) {
    Set<String> out = new LinkedHashSet<>();
    for (Step.PhraseTemplate p : step.phrases()) {
      if (p.text().contains("@nome@")) {
        out.add(NAME);
      }
      if (p.text().contains("@indirizzo@")) {
        out.add(ADDRESS);
      }
    }
    return out;
  }

  /** What stands in a phrase for a value the agent chose to skip: a visible gap to fill in by hand. */
  static String gap(String value) {
    return NAME.equals(value) ? BLANK_NAME : BLANK_ADDRESS;
  }

  static List<Phrase> fill(Step step, String greeting, Map<String, String> values) {
    List<Phrase> out = new ArrayList<>();
    for (Step.PhraseTemplate p : step.phrases()) {
      String text = p.text()
          .replace("@saluto@", greeting)
          .replace("@nome@", values.getOrDefault(NAME, BLANK_NAME))
          .replace("@indirizzo@", values.getOrDefault(ADDRESS, BLANK_ADDRESS));
      out.add(new Phrase(p.label(), text));
    }
    return out;
  }
}
