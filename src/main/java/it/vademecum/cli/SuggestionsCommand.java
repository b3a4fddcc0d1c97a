package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Topic;
import it.vademecum.learning.Suggestions;
import it.vademecum.privacy.Redactor;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog.Suggestion;
import it.vademecum.usage.UsageStoreException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The suggested triggers (sentences agents resolved by a pick or a rephrase): list, accept, reject. */
@Command(name = "suggerimenti", mixinStandardHelpOptions = true,
    description = {"Triggers learned from agents' picks: list, accept, reject.",
        "An accepted one becomes a learned trigger of its topic (after lint); a rejected one is never proposed again."})
final class SuggestionsCommand implements Callable<Integer> {

  @Option(names = "--accept", paramLabel = "N", description = "Add suggestion N to its topic's learned triggers.")
  Long accept;

  @Option(names = "--reject", paramLabel = "N", description = "Reject suggestion N: it is never proposed again.")
  Long reject;

  @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: the system user).")
  String by;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: DATA_DIR or data).")
  Path data;

  @Option(names = "--per-topic", paramLabel = "N", defaultValue = "5", description = "At most N per topic (default 5).")
  int perTopic;

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    if (accept != null && reject != null) {
      err.println("Scegli --accept oppure --reject, non entrambi.");
      return 2;
    }
    if (perTopic < 1) {
      err.println("--per-topic vuole un numero maggiore di zero.");
      return 2;
    }
    TypedSettings settings = TypedSettings.load();
    Path dir = data != null ? data : settings.server().dataDir();
    if (!H2UsageLog.exists(dir)) {
      err.println("Nessun dato di utilizzo in " + dir.toAbsolutePath().normalize()
          + ": i suggerimenti nascono quando gli agenti usano il bot (serve o chat).");
      return 1;
    }
    Optional<it.vademecum.engine.Engine> engine = dialogs.load(settings, err);
    if (engine.isEmpty()) {
      return 1;
    }
    Catalog catalog = engine.get().catalog();
    Clock clock = Clock.systemUTC();
    try (H2UsageLog log = H2UsageLog.open(dir, Redactor.from(settings.redaction()), clock, false)) {
      Suggestions suggestions = new Suggestions(log, dialogs.resolve(settings), clock, catalog.calendar().zone());
      String who = by != null && !by.isBlank() ? by.strip() : System.getProperty("user.name", "cli");
      if (accept != null) {
        return decided(suggestions.accept(accept, who), accept, catalog, out, err);
      }
      if (reject != null) {
        return decided(suggestions.reject(reject, who), reject, catalog, out, err);
      }
      List<Suggestion> open = suggestions.open(perTopic);
      if (open.isEmpty()) {
        out.println("Nessun suggerimento da valutare.");
        return 0;
      }
      String topic = null;
      for (Suggestion s : open) {
        if (!s.topicId().equals(topic)) {
          topic = s.topicId();
          out.println(title(catalog, topic) + " (" + topic + "):");
        }
        out.println(String.format("  n. %-5d %3d×  %s", s.id(), s.count(), s.text()));
      }
      out.println("Accetta con: vademecum suggerimenti --accept N · rifiuta con: --reject N");
      return 0;
    } catch (UsageStoreException e) {
      err.println(e.inUse()
          ? "Il database di utilizzo in " + dir + " è in uso dal bot: usa «suggerimenti» in chat o in Teams "
              + "(da supervisore), oppure riprova a bot fermo."
          : "Non riesco a leggere il database di utilizzo in " + dir + ": " + e.getMessage());
      return 1;
    }
  }

  private static int decided(Suggestions.Decision d, long id, Catalog catalog, PrintStream out, PrintStream err) {
    switch (d.result()) {
      case ACCEPTED -> {
        Suggestion s = d.suggestion().orElseThrow();
        out.println("Aggiunto ai trigger di " + title(catalog, s.topicId()) + ": «" + s.text() + "». Il bot acceso lo "
            + "ricarica da solo; altrimenti vale dal prossimo avvio.");
        return 0;
      }
      case ALREADY_A_TRIGGER -> {
        out.println("Era già un trigger: suggerimento n. " + id + " segnato come accettato.");
        return 0;
      }
      case REJECTED -> {
        out.println("Suggerimento n. " + id + " rifiutato: non sarà più proposto.");
        return 0;
      }
      case LINT_FAILED -> {
        err.println("Non aggiunto: i dialoghi non passerebbero il controllo (nessun file modificato).");
        d.problems().forEach(err::println);
        return 1;
      }
      default -> {
        err.println("Il suggerimento n. " + id + (d.suggestion().isPresent() ? " è già stato deciso." : " non esiste."));
        return 1;
      }
    }
  }

  private static String title(Catalog catalog, String id) {
    return catalog.topic(id).map(Topic::title).orElse(id);
  }
}
