package it.vademecum.cli;

import it.vademecum.engine.Answer;
import it.vademecum.engine.EscalationForm;
import it.vademecum.engine.Option;
import it.vademecum.engine.Phrase;
import it.vademecum.engine.Reply;
import java.util.List;

/** Turns a reply into console text: numbered choices, phrases set apart for copying. */
final class ConsoleRenderer {

  private static final String RULE = "────────────────────────────────────────";

  private ConsoleRenderer() {}

  static String render(Reply r) {
    StringBuilder b = new StringBuilder();
    r.notices().forEach(n -> b.append("» ").append(n).append('\n'));
    if (r.prompt() != null) {
      b.append(r.kind() == Reply.Kind.QUESTION || r.kind() == Reply.Kind.ASK_VALUE ? "? " : "")
          .append(r.prompt()).append('\n');
    }
    r.lines().forEach(l -> b.append("  ").append(l).append('\n'));
    r.answer().ifPresent(a -> answer(b, a));
    for (Phrase p : r.phrases()) {
      b.append(RULE).append('\n').append("Frase da incollare — ").append(p.label()).append(":\n")
          .append(p.text()).append('\n');
    }
    if (!r.phrases().isEmpty()) {
      b.append(RULE).append('\n');
    }
    // The topics of the sections first, so that a topic has the same number in every full list.
    int n = 0;
    for (Reply.Section s : r.sections()) {
      b.append(s.title()).append(":\n");
      for (Option o : s.options()) {
        b.append("  ").append(++n).append(") ").append(o.label()).append('\n');
      }
    }
    for (Option o : visible(r.options())) {
      b.append("  ").append(++n).append(") ").append(o.label()).append('\n');
    }
    if (r.kind() == Reply.Kind.QUESTION) {
      b.append("  (scrivi il numero o la risposta").append(r.canGoBack() ? "; «indietro» per tornare" : "")
          .append("; «ricomincia» per ripartire)\n");
    }
    return b.toString();
  }

  /**
   * The buttons a number picks, in the order they are numbered: each section's, then the options;
   * not the escalation form's (its fields are typed one by one here).
   */
  static List<Option> numbered(Reply r) {
    List<Option> out = new java.util.ArrayList<>();
    r.sections().forEach(s -> out.addAll(s.options()));
    out.addAll(visible(r.options()));
    return out;
  }

  /** The buttons a console can press: not the escalation form's (its fields are typed one by one here). */
  private static List<Option> visible(List<Option> options) {
    return options.stream().filter(o -> !o.value().equals(EscalationForm.FORM)).toList();
  }

  private static void answer(StringBuilder b, Answer a) {
    b.append("PASSO: ").append(a.step()).append('\n');
    a.forward().ifPresent(q -> b.append("CODA:  ").append(q).append('\n'));
    a.escalationReason().ifPresent(r -> b.append("TL:    da scalare al team leader — ").append(r).append('\n'));
    a.notes().forEach(n -> b.append("NOTA:  ").append(n).append('\n'));
    a.localLines().forEach(n -> b.append("INTERNA: ").append(n).append('\n'));
    a.links().forEach(l -> b.append("LINK:  ").append(l.label()).append(" — ").append(l.url()).append('\n'));
  }
}
