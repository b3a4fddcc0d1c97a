package it.vademecum.cli;

import it.vademecum.config.InvalidSettingException;
import it.vademecum.config.TypedSettings;
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
    description = "Sentences that found no topic or needed a choice, by frequency.")
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
      err.println("--limit wants a number greater than zero.");
      return 2;
    }
    TypedSettings settings;
    try {
      settings = TypedSettings.load();
    } catch (InvalidSettingException e) {
      err.println(e.getMessage() + ".");
      return 2;
    }
    Path dir = data != null ? data : settings.server().dataDir();
    Duration retention = settings.retention().usage();
    if (!H2UsageLog.exists(dir)) {
      err.println("No usage data in " + dir.toAbsolutePath().normalize()
          + ": the database is created when the bot (serve or chat) records its first question.");
      return 1;
    }
    List<UnmatchedSentence> rows;
    try (H2UsageLog log = H2UsageLog.open(dir, Redactor.from(settings.redaction()), clock, false)) {
      rows = log.unmatched(from, limit);
    } catch (UsageStoreException e) {
      err.println(e.inUse()
          ? "The usage database in " + dir + " is in use by another process (is the bot running?): "
              + "ask the bot «senza risposta» in chat, or try again with the bot stopped."
          : "Cannot read the usage database in " + dir + ": " + e.getMessage());
      return 1;
    }
    String period = since == null
        ? "in the last " + retention.toDays() + " days (all that is kept)"
        : "since " + WHEN.format(from.atZone(H2UsageLog.ROME));
    if (rows.isEmpty()) {
      out.println("No sentence without a topic or with a choice " + period + ".");
      return 0;
    }
    out.println("Sentences without a topic or with a choice among three, " + period + ", most frequent first:");
    out.println(String.format("%5s  %-16s  %-30s  %s", "times", "last", "outcome", "sentence"));
    for (UnmatchedSentence r : rows) {
      out.println(String.format("%5d  %-16s  %-30s  %s", r.count(), WHEN.format(r.last().atZone(H2UsageLog.ROME)),
          outcome(r), r.text().isEmpty() ? "(empty)" : r.text()));
    }
    return 0;
  }

  private static String outcome(UnmatchedSentence r) {
    if (r.ambiguous() == 0) {
      return "no topic";
    }
    if (r.noTopic() == 0) {
      return "choice among three";
    }
    return "no topic " + r.noTopic() + ", choice " + r.ambiguous();
  }
}
