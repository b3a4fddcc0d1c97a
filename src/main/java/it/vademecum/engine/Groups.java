package it.vademecum.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** The topic groups of the schema, in the order agents see them, with their Italian names. */
final class Groups {

  private static final Map<String, String> NAMES = ordered(
      "formule", "Formule per il cliente (saluti, attesa, chiusura)",
      "ticket", "Ticket e instradamento",
      "casella", "Casella PEC, accessi e contatti",
      "pagamenti", "Pagamenti e fatture",
      "cautela", "Richieste delicate (autorità, privacy, log, phishing)",
      "turno", "Turno e pause");

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private Groups() {}

  public static Map<String, String> names() {
    return NAMES;
  }

  public static String name(String group) {
    return NAMES.getOrDefault(group, group);
  }
}
