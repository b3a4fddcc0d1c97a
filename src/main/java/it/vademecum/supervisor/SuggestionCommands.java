package it.vademecum.supervisor;

import it.vademecum.engine.Action;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.ReplyingCommand;
import it.vademecum.dialog.Topic;
import it.vademecum.engine.Input;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Typed;
import it.vademecum.learning.Suggestions;
import it.vademecum.session.Session;
import it.vademecum.usage.UsageLog.Suggestion;
import it.vademecum.usage.UsageStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code suggerimenti}, {@code suggerimenti accetta N}, {@code suggerimenti rifiuta N}: the
 * sentences agents resolved by a pick or a rephrase, most frequent per topic, for a supervisor (the
 * knowledge editor) to turn into triggers with a click. An accepted one is written to its topic
 * file after lint and the dialogs are reloaded at once.
 */
final class SuggestionCommands implements ReplyingCommand {

  static final int PER_TOPIC = 3;
  /** Suggestions with buttons: two each, six in all, what a Teams card shows without an overflow menu. */
  private static final int BUTTONS = 3;
  private static final String WORD = "suggerimenti";

  private final Roles roles;
  private final DialogsReloader dialogs;
  private final Suggestions suggestions;

  SuggestionCommands(Roles roles, DialogsReloader dialogs, Suggestions suggestions) {
    this.roles = roles;
    this.dialogs = dialogs;
    this.suggestions = suggestions;
  }

  @Override
  public Optional<Reply> reply(Agent agent, Input input, Session session) {
    Optional<String> typed = Typed.command(input);
    if (typed.isEmpty() || !(typed.get().equals(WORD) || typed.get().startsWith(WORD + " "))) {
      return Optional.empty();
    }
    if (!roles.isSupervisor(agent)) {
      return Optional.of(Roles.refusal());
    }
    String[] words = typed.get().substring(WORD.length()).strip().split(" ");
    try {
      if (words.length == 1 && words[0].isEmpty()) {
        return Optional.of(list());
      }
      if (words.length == 2 && (words[0].equals("accetta") || words[0].equals("rifiuta"))) {
        Optional<Long> id = number(words[1]);
        if (id.isPresent()) {
          return Optional.of(words[0].equals("accetta") ? accept(id.get(), who(agent)) : reject(id.get(), who(agent)));
        }
      }
      return Optional.of(info("Scrivi «suggerimenti», «suggerimenti accetta N» o «suggerimenti rifiuta N» "
          + "(N è il numero del suggerimento nell'elenco).", List.of(), List.of()));
    } catch (UsageStoreException e) {
      return Optional.of(info("I suggerimenti non sono disponibili in questo momento: l'archivio non risponde. "
          + "Riprova tra poco.", List.of(), List.of()));
    }
  }

  private Reply list() {
    List<Suggestion> open = suggestions.open(PER_TOPIC);
    if (open.isEmpty()) {
      return info("Nessun suggerimento da valutare: quando un agente sceglie un argomento dal menu, o riformula "
          + "finché lo trova, la frase compare qui.", List.of(), List.of());
    }
    List<String> lines = new ArrayList<>();
    List<Option> options = new ArrayList<>();
    String topic = null;
    for (Suggestion s : open) {
      if (!s.topicId().equals(topic)) {
        topic = s.topicId();
        lines.add(title(topic) + ":");
      }
      lines.add("n. " + s.id() + " · " + s.count() + "× «" + s.text() + "»");
      if (options.size() < BUTTONS * 2) {
        options.add(new Option("Accetta n. " + s.id(), new Action.Command(WORD + " accetta " + s.id())));
        options.add(new Option("Rifiuta n. " + s.id(), new Action.Command(WORD + " rifiuta " + s.id())));
      }
    }
    lines.add("Accettare aggiunge la frase ai trigger dell'argomento (con il tuo nome); rifiutarla non la propone più.");
    return info("💡 Frasi che gli agenti hanno risolto scegliendo o riformulando, le più frequenti per argomento:",
        lines, options);
  }

  private Reply accept(long id, String by) {
    Suggestions.Decision d = suggestions.accept(id, by);
    switch (d.result()) {
      case ACCEPTED, ALREADY_A_TRIGGER -> {
        Suggestion s = d.suggestion().orElseThrow();
        DialogsReloader.Result r = dialogs.reload();
        List<String> lines = new ArrayList<>(SupervisorCommands.reloadText(r, false));
        String head = d.result() == Suggestions.Result.ACCEPTED
            ? "✅ «" + s.text() + "» è ora un trigger di " + title(s.topicId()) + "."
            : "✅ «" + s.text() + "» era già un trigger di " + title(s.topicId()) + ": segnato come accettato.";
        return info(head, lines, List.of(new Option("Altri suggerimenti", new Action.Command(WORD))));
      }
      case LINT_FAILED -> {
        List<String> lines = new ArrayList<>();
        d.problems().forEach(p -> lines.add(p.toString()));
        return info("❌ Non ho aggiunto il suggerimento n. " + id + ": i dialoghi non passerebbero il controllo. "
            + "Il file dell'argomento è rimasto com'era.", lines, List.of());
      }
      default -> {
        return notOpen(id, d);
      }
    }
  }

  private Reply reject(long id, String by) {
    Suggestions.Decision d = suggestions.reject(id, by);
    if (d.result() != Suggestions.Result.REJECTED) {
      return notOpen(id, d);
    }
    return info("Suggerimento n. " + id + " rifiutato: non lo proporrò più.", List.of(),
        List.of(new Option("Altri suggerimenti", new Action.Command(WORD))));
  }

  private static Reply notOpen(long id, Suggestions.Decision d) {
    String why = d.suggestion().map(s -> s.state() == Suggestion.State.ACCEPTED
        ? " è già stato accettato" + (s.decidedBy() == null ? "" : " da " + s.decidedBy())
        : " è già stato rifiutato" + (s.decidedBy() == null ? "" : " da " + s.decidedBy())).orElse(" non esiste");
    return info("Il suggerimento n. " + id + why + ".", List.of(), List.of(new Option("Suggerimenti", new Action.Command(WORD))));
  }

  private String title(String topicId) {
    return dialogs.get().catalog().topic(topicId).map(Topic::title).orElse(topicId);
  }

  private static String who(Agent agent) {
    if (agent.upn() != null && !agent.upn().isBlank()) {
      return agent.upn();
    }
    return agent.name() != null && !agent.name().isBlank() ? agent.name() : agent.id();
  }

  private static Optional<Long> number(String s) {
    String digits = s.startsWith("n") ? s.replaceFirst("^n\\.?", "") : s;
    try {
      return Optional.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Reply info(String prompt, List<String> lines, List<Option> options) {
    return Reply.info(List.of(), prompt, lines, options);
  }
}
