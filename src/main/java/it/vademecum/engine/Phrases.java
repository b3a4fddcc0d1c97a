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
    return NAME.equals(value) ? "[il tuo nome]" : "[indirizzo PEC del cliente]";
  }

  static List<Phrase> fill(Step step, String greeting, Map<String, String> values) {
    List<Phrase> out = new ArrayList<>();
    for (Step.PhraseTemplate p : step.phrases()) {
      String text = p.text()
          .replace("@saluto@", greeting)
          .replace("@nome@", values.getOrDefault(NAME, ""))
          .replace("@indirizzo@", values.getOrDefault(ADDRESS, ""));
      out.add(new Phrase(p.label(), text));
    }
    return out;
  }
}
