package it.vademecum.cli;

import it.vademecum.config.Settings;
import it.vademecum.privacy.Redactor;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.Since;
import it.vademecum.usage.UsageLog.UnmatchedSentence;
import it.vademecum.usage.UsageStoreException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The sentences that found no topic or needed a choice, most frequent first, to improve triggers. */
@Command(name = "unmatched", mixinStandardHelpOptions = true,
    description = "Sentences that found no topic or needed a choice among three, most frequent first.")
final class UnmatchedCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Option(names = "--since", paramLabel = "PERIODO",
      description = "From: 2026-11-01, 01/11/2026, 7d, 24h, oggi, ieri, settimana, mese (default: all that is kept).")
  String since;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: DATA_DIR or data).")
  Path data;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N sentences (default 50).")
  int limit;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    Clock clock = Clock.systemUTC();
    Instant from = Instant.EPOCH;
    if (since != null) {
      try {
        from = Since.parse(since, clock, H2UsageLog.ROME);
      } catch (IllegalArgumentException e) {
        err.println("--since: " + e.getMessage());
        return 2;
      }
    }
    if (limit < 1) {
      err.println("--limit vuole un numero maggiore di zero.");
      return 2;
    }
    Settings settings = Settings.load();
    Path dir = data != null ? data : settings.dataDir();
    Duration retention;
    try {
      retention = H2UsageLog.retention(settings);
    } catch (IllegalArgumentException e) {
      err.println("RETENTION_DAYS deve essere un numero intero di giorni (1 o più), non «"
          + settings.get("RETENTION_DAYS", "") + "».");
      return 2;
    }
    if (!H2UsageLog.exists(dir)) {
      err.println("Nessun dato di utilizzo in " + dir.toAbsolutePath().normalize()
          + ": il database si crea quando il bot (serve o chat) registra la prima domanda.");
      return 1;
    }
    List<UnmatchedSentence> rows;
    try (H2UsageLog log = H2UsageLog.open(dir, Redactor.fromSettings(settings), clock, retention,
        Duration.ofHours(1), false)) {
      rows = log.unmatched(from, limit);
    } catch (UsageStoreException e) {
      err.println(e.inUse()
          ? "Il database di utilizzo in " + dir + " è in uso da un altro processo (il bot è acceso?): "
              + "chiedi «senza risposta» al bot in chat, oppure riprova a bot fermo."
          : "Non riesco a leggere il database di utilizzo in " + dir + ": " + e.getMessage());
      return 1;
    }
    String period = since == null
        ? "negli ultimi " + retention.toDays() + " giorni (tutto ciò che è conservato)"
        : "dal " + WHEN.format(from.atZone(H2UsageLog.ROME));
    if (rows.isEmpty()) {
      out.println("Nessuna frase senza argomento o con scelta " + period + ".");
      return 0;
    }
    out.println("Frasi senza argomento o con scelta tra tre, " + period + ", più frequenti prima:");
    out.println(String.format("%5s  %-16s  %-30s  %s", "volte", "ultima", "esito", "frase"));
    for (UnmatchedSentence r : rows) {
      out.println(String.format("%5d  %-16s  %-30s  %s", r.count(), WHEN.format(r.last().atZone(H2UsageLog.ROME)),
          outcome(r), r.text().isEmpty() ? "(vuota)" : r.text()));
    }
    return 0;
  }

  private static String outcome(UnmatchedSentence r) {
    if (r.ambiguous() == 0) {
      return "nessun argomento";
    }
    if (r.noTopic() == 0) {
      return "scelta tra tre";
    }
    return "nessuno " + r.noTopic() + ", scelta " + r.ambiguous();
  }
}
