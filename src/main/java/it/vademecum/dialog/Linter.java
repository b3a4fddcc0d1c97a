package it.vademecum.dialog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The graph lint of one parsed topic: what the schema cannot see. */
final class Linter {

  static final Set<String> PLACEHOLDERS = Set.of("saluto", "nome", "indirizzo");
  private static final Pattern PLACEHOLDER = Pattern.compile("@([\\p{L}_]+)@");
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Linter() {}

  static List<Problem> lint(String file, String expectedId, Topic topic, Notes notes) {
    List<Problem> out = new ArrayList<>();
    provenance(file, topic, out);
    if (!topic.id().equals(expectedId)) {
      out.add(new Problem(file, "/id", "l'id \"" + topic.id() + "\" non corrisponde al nome del file (" + expectedId + ")"));
    }
    for (int i = 0; i < topic.triggers().size(); i++) {
      if (topic.triggers().get(i).isBlank()) {
        out.add(new Problem(file, "/triggers/" + i, "trigger vuoto"));
      }
    }
    if (topic.triggers().stream().allMatch(String::isBlank)) {
      out.add(new Problem(file, "/triggers", "nessun trigger: l'argomento non può essere riconosciuto"));
    }
    if (topic.node(topic.start()) == null) {
      out.add(new Problem(file, "/start", "il nodo iniziale \"" + topic.start() + "\" non esiste"));
    }
    for (Node node : topic.nodes().values()) {
      String at = "/nodes/" + node.id();
      sources(file, at, node, notes, out);
      for (int i = 0; i < node.local().size(); i++) {
        if (node.local().get(i).since() == null) {
          out.add(new Problem(file, at + "/local/" + i + "/since", "data inesistente: usa AAAA-MM-GG"));
        }
      }
      if (node instanceof Question q) {
        if (q.choices().size() < 2) {
          out.add(new Problem(file, at + "/choices", "una domanda ha bisogno di almeno due scelte"));
        }
        for (int i = 0; i < q.choices().size(); i++) {
          unknownTarget(file, topic, at + "/choices/" + i + "/next", q.choices().get(i).next(), out);
        }
      } else if (node instanceof Check c) {
        if (!Check.SECOND_LEVEL_OPEN.equals(c.condition())) {
          out.add(new Problem(file, at + "/check", "controllo sconosciuto \"" + c.condition() + "\""));
        }
        unknownTarget(file, topic, at + "/yes", c.yes(), out);
        unknownTarget(file, topic, at + "/no", c.no(), out);
      } else if (node instanceof Step s) {
        if (s.text().isBlank()) {
          out.add(new Problem(file, at + "/step", "una foglia deve indicare un passo"));
        }
        placeholders(file, at + "/step", s.text(), out);
        for (int i = 0; i < s.notes().size(); i++) {
          if (repeats(s.text(), s.notes().get(i))) {
            out.add(new Problem(file, at + "/notes/" + i, "la nota ripete il passo: toglila, o scrivi ciò che il "
                + "passo non dice (una nota ripetuta allunga la scheda che l'operatore legge)"));
          }
        }
        for (int i = 0; i < s.phrases().size(); i++) {
          placeholders(file, at + "/phrases/" + i + "/text", s.phrases().get(i).text(), out);
        }
      }
    }
    graph(file, topic, out);
    return out;
  }

  private static void provenance(String file, Topic topic, List<Problem> out) {
    if (topic.owner() == null || topic.owner().isBlank()) {
      out.add(new Problem(file, "/owner", "manca \"owner\": chi risponde del contenuto di questo argomento"));
    }
    if (topic.verified() == null) {
      out.add(new Problem(file, "/verified", "manca \"verified\" o non è una data (AAAA-MM-GG): quando è stato "
          + "verificato sulle note"));
    }
    if (topic.reviewEvery() == null || topic.reviewEvery().isNegative() || topic.reviewEvery().isZero()) {
      out.add(new Problem(file, "/reviewEvery", "periodo di revisione non valido: usa un periodo ISO-8601 come P90D"));
    }
  }

  /** Every question, step and check cites the notes, and each quote is on the line it names. */
  private static void sources(String file, String at, Node node, Notes notes, List<Problem> out) {
    if (node.sources().isEmpty()) {
      out.add(new Problem(file, at + "/source", "nodo senza fonte: indica la riga delle note e la citazione "
          + "(\"source\": [{\"line\": N, \"quote\": \"…\"}])"));
      return;
    }
    for (int i = 0; i < node.sources().size(); i++) {
      Source src = node.sources().get(i);
      String here = at + "/source/" + i;
      if (notes.line(src.line()) == null) {
        out.add(new Problem(file, here + "/line", "la riga " + src.line() + " non esiste nelle note ("
            + notes.lines().size() + " righe)"));
      } else if (!notes.isContent(src.line())) {
        out.add(new Problem(file, here + "/line", "la riga " + src.line() + " delle note è vuota o un separatore"));
      } else if (!notes.quotes(src.line(), src.quote())) {
        out.add(new Problem(file, here + "/quote", "la citazione «" + src.quote() + "» non è nella riga "
            + src.line() + " delle note («" + Notes.normal(notes.line(src.line())) + "»)"));
      }
    }
  }

  /**
   * Whether a note only says again what the step says: it has three words or more (of three
   * letters or more) and nearly all of them (85 %) are in the step.
   */
  static boolean repeats(String step, String note) {
    Set<String> said = words(step);
    Set<String> noted = words(note);
    if (noted.size() < 3) {
      return false;
    }
    long again = noted.stream().filter(said::contains).count();
    return again >= 0.85 * noted.size();
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String w : WORD_BREAK.split(text.toLowerCase(java.util.Locale.ROOT))) {
      if (w.length() >= 3) {
        out.add(w);
      }
    }
    return out;
  }

  private static void unknownTarget(String file, Topic t, String at, String target, List<Problem> out) {
    if (t.node(target) == null) {
      out.add(new Problem(file, at, "il nodo \"" + target + "\" non esiste"));
    }
  }

  private static void placeholders(String file, String at, String text, List<Problem> out) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        out.add(new Problem(file, at, "segnaposto sconosciuto @" + m.group(1) + "@ (ammessi: @saluto@, @nome@, @indirizzo@)"));
      }
    }
  }

  /** Unreachable nodes, and reachable nodes from which no step can be reached (a cycle with no way out). */
  private static void graph(String file, Topic topic, List<Problem> out) {
    if (topic.node(topic.start()) == null) {
      return;
    }
    Set<String> reachable = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(topic.start()));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      Node n = topic.node(id);
      if (n != null && reachable.add(id)) {
        todo.addAll(n.targets());
      }
    }
    Set<String> leadsToStep = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Node n : topic.nodes().values()) {
        if (leadsToStep.contains(n.id())) {
          continue;
        }
        boolean ok = n instanceof Step || n.targets().stream().anyMatch(leadsToStep::contains);
        if (ok) {
          leadsToStep.add(n.id());
          changed = true;
        }
      }
    }
    for (Node n : topic.nodes().values()) {
      String at = "/nodes/" + n.id();
      if (!reachable.contains(n.id())) {
        out.add(new Problem(file, at, "nodo irraggiungibile dal nodo iniziale"));
      } else if (!leadsToStep.contains(n.id())) {
        out.add(new Problem(file, at, "ciclo senza uscita: da qui non si arriva a nessun passo"));
      } else if (n instanceof Check && onCheckCycle(topic, n.id())) {
        out.add(new Problem(file, at, "ciclo di controlli automatici: il motore girerebbe all'infinito"));
      }
    }
  }

  private static boolean onCheckCycle(Topic topic, String from) {
    Deque<String> todo = new ArrayDeque<>(topic.node(from).targets());
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(from)) {
        return true;
      }
      if (topic.node(id) instanceof Check c && seen.add(id)) {
        todo.addAll(c.targets());
      }
    }
    return false;
  }
}
