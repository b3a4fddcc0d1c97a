package it.vademecum.bench;

import it.vademecum.config.Settings;
import it.vademecum.dialog.InvalidCatalogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Latency, throughput and memory of the real server against an echo bot on the same SDK. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Latency, throughput, CPU, memory, start-up, against an echo bot.",
        "Benchmark: simulated agents against the real server and an echo bot on the same SDK, "
        + "in one process over loopback HTTP; then matcher latency, heap per idle session and time to ready.",
        "Last line: turns_per_s=… p99_ms=… echo_p99_ms=… p99_ratio=… session_bytes=… ready_ms=… "
            + "match_p99_us=… errors=0"})
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--agents", defaultValue = "50", description = "Simulated agents (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--duration", defaultValue = "30", paramLabel = "S",
      description = "Measured seconds, both bots together (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(names = "--warmup", defaultValue = "30", paramLabel = "S",
      description = "Unmeasured seconds first, so that the JIT has compiled both bots' code (default: ${DEFAULT-VALUE}; "
          + "it was 8, which left Vademecum's code half compiled in the measured phases).")
  int warmup;

  @Option(names = "--phase", defaultValue = "5", paramLabel = "S",
      description = "Length of each alternating phase (default: ${DEFAULT-VALUE}).")
  int phase;

  @Option(names = "--think", defaultValue = "0", paramLabel = "MS",
      description = "Mean interval between one agent's messages, start to start, exponential; 0 = back to back "
          + "(default: ${DEFAULT-VALUE}).")
  long think;

  @Option(names = "--no-echo", description = "Do not run the echo bot (its figures print as 0).")
  boolean noEcho;

  @Option(names = "--sentences", paramLabel = "FILE.jsonl",
      description = "Sentences to ask, {\"text\": ...} per line (default: the topics' triggers).")
  Path sentences;

  @Option(names = "--no-stats", description = "Run without the usage statistics (default: H2 in a temporary DATA_DIR).")
  boolean noStats;

  @Option(names = "--sessions", defaultValue = "10000", description = "Idle sessions for the heap figure (default: ${DEFAULT-VALUE}).")
  int sessions;

  @Option(names = "--match-rounds", defaultValue = "20", description = "Passes over the sentences for the matcher figure (default: ${DEFAULT-VALUE}).")
  int matchRounds;

  @Option(names = "--serve-starts", defaultValue = "3", paramLabel = "N",
      description = "Launches of serve in a JVM of its own for the time to ready; 0 = none (default: ${DEFAULT-VALUE}).")
  int serveStarts;

  @Option(names = "--connector-latency", defaultValue = "0", paramLabel = "MS",
      description = "The fake Teams connector answers each call after this long (default: ${DEFAULT-VALUE}).")
  long connectorLatency;

  @Option(names = "--connector-429", defaultValue = "0", paramLabel = "RATE",
      description = "Share of connector calls answered 429 with Retry-After, 0-1 (default: ${DEFAULT-VALUE}).")
  double connector429;

  @Option(names = "--retry-after", defaultValue = "1", paramLabel = "S",
      description = "Retry-After of those 429 answers (default: ${DEFAULT-VALUE}).")
  int retryAfter;

  @Option(names = "--connector-rate", defaultValue = "0", paramLabel = "PER_S",
      description = "The bot's ceiling on connector calls per second, as CONNECTOR_RATE; 0 = none, for raw "
          + "capacity (default: ${DEFAULT-VALUE}).")
  double connectorRate;

  @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
      description = "N servers with sessions in REDIS_URL behind HAProxy, against one of them alone: turns/s and p99"
          + " only (default: ${DEFAULT-VALUE}, the full bench).")
  int instances;

  @Option(names = "--dialogs", paramLabel = "DIR", description = "Dialogs folder (default: DIALOGS_DIR or dialogs).")
  Path dialogs;

  @Override
  public Integer call() throws Exception {
    Settings settings = Settings.load();
    if (sentences != null && !Files.isRegularFile(sentences)) {
      System.err.println("No such file: " + sentences.toAbsolutePath().normalize());
      return 2;
    }
    if (instances > 1) {
      if (settings.redisUrl().isEmpty()) {
        System.err.println("bench --instances needs REDIS_URL (a test one: . .ci/services.sh && services_start).");
        return 2;
      }
      return new InstancesBench(dialogs != null ? dialogs : settings.dialogsDir(), settings.redisUrl().get(), instances, agents, duration,
          System.out).run() == 0 ? 0 : 1;
    }
    Path data = noStats ? null : Files.createTempDirectory("vademecum-bench");
    BenchOptions options = new BenchOptions(agents, duration, warmup, phase, think, !noEcho, sentences,
        dialogs != null ? dialogs : settings.dialogsDir(), data, sessions, matchRounds, serveStarts, connectorLatency, connector429, retryAfter, connectorRate);
    try {
      return new Bench(options, System.out).run() == 0 ? 0 : 1;
    } catch (InvalidCatalogException e) {
      System.err.println("The dialogs have problems: run lint.");
      return 1;
    } finally {
      if (data != null) {
        Folders.delete(data);
      }
    }
  }
}
