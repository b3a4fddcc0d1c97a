package it.vademecum.soak;

import it.vademecum.bench.Folders;
import it.vademecum.escalation.EscalationSender;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.OpenEscalation;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The escalation soak: N escalations through the real sink, outbox, sender and channel poster,
 * against a loopback connector failing a share of calls, with the server process killed
 * (destroyForcibly, i.e. SIGKILL) once in the middle and started again. Then, for escalations whose
 * outcome stayed uncertain, a team lead takes the card when it is in the channel and a supervisor
 * resends the others, as the README tells them to. Last line: {@code escalations=N delivered=N duplicates=0 lost=0}.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = {"1,000 escalations through a failing connector and a kill -9.",
        "Soaks the escalation outbox, then counts the cards of each escalation: none lost, none doubled."})
public final class SoakCommand implements Callable<Integer> {

  @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "Escalations (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--failure-rate", paramLabel = "SHARE", defaultValue = "0.30",
      description = "Share of connector calls that fail, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double failureRate;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "20261201",
      description = "Seed of the connector's failures: the same seed, the same failures (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--kill-at", paramLabel = "SHARE", defaultValue = "0.4",
      description = "Kill -9 the worker once this share of cards is in the channel, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double killAt;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "60",
      description = "Escalations per second sent by agents (default 60: the kill lands while they still arrive).")
  int rate;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder for the outbox (default: a new folder in /dev/shm when there is "
      + "one, else in the temporary folder).")
  Path dataParent;

  @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
      description = "More than 1: that many serve processes behind HAProxy, sharing REDIS_URL and DATABASE_URL,"
          + " agents' Teams activities through HAProxy; one serve is killed and restarted (default: ${DEFAULT-VALUE},"
          + " one worker process, H2 file, no Redis).")
  int instances;

  @Option(names = "--ceiling", paramLabel = "N", defaultValue = "50",
      description = "With --instances: CONNECTOR_RATE, connector calls per second for all instances together"
          + " (default: ${DEFAULT-VALUE}).")
  double ceiling;

  @Option(names = "--redis-url", paramLabel = "URL", description = "With --instances: instead of REDIS_URL.")
  String redisUrl;

  @Option(names = "--database-url", paramLabel = "URL", description = "With --instances: instead of DATABASE_URL.")
  String databaseUrl;

  @Option(names = "--dialogs", paramLabel = "DIR", description = "With --instances: instead of DIALOGS_DIR.")
  Path dialogs;

  @Override
  public Integer call() throws Exception {
    if (instances > 1) {
      return new SoakInstances(this).run();
    }
    long start = System.nanoTime();
    Path parent = dataParent != null ? dataParent
        : Files.isDirectory(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm")) ? Path.of("/dev/shm")
        : Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(parent);
    Path data = Files.createTempDirectory(parent, "vademecum-soak");
    System.out.println("outbox in " + data);
    List<Process> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
    // The folder goes whatever happens: success, failure, exception or Ctrl-C.
    Thread cleanup = new Thread(() -> removeQuietly(data, workers), "soak-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    boolean failed = true;
    try {
      int code = run(data, workers, start);
      failed = code != 0;
      return code;
    } finally {
      if (failed) {
        printWorkerLog(data);
      }
      removeQuietly(data, workers);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // shutting down already: the hook does the same
      }
    }
  }

  private int run(Path data, List<Process> workers, long start) throws Exception {
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    try (SoakConnector connector = new SoakConnector(failureRate, seed)) {
      Process first = worker(data, connector, acked);
      workers.add(first);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (connector.cardCount() < count * killAt && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      if (!first.isAlive()) {
        System.err.println("the first process ended before the kill (exit " + first.exitValue() + ")");
        return 1;
      }
      long killedAt = System.nanoTime() - start;
      first.destroyForcibly();
      first.waitFor(30, TimeUnit.SECONDS);
      int ackedAtKill = acked.size();
      int cardsAtKill = connector.cardCount();
      Process second = worker(data, connector, acked);
      workers.add(second);
      if (!second.waitFor(180, TimeUnit.SECONDS)) {
        second.destroyForcibly();
        System.err.println("the restarted process did not drain in time");
        return 1;
      }
      if (second.exitValue() != 0) {
        System.err.println("the restarted process failed (exit " + second.exitValue() + ")");
        return 1;
      }
      System.out.printf("kill -9 after %d escalations acknowledged and %d cards posted (%.1fs); restarted, drained "
          + "(%.1fs).%n", ackedAtKill, cardsAtKill, killedAt / 1e9, (System.nanoTime() - start) / 1e9);
      return settle(() -> H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC()), connector, acked, start);
    }
  }

  /** Stops the workers still running (they hold the outbox) and deletes the folder. */
  private static void removeQuietly(Path data, List<Process> workers) {
    for (Process p : List.copyOf(workers)) {
      p.destroyForcibly();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (Files.exists(data)) {
        Folders.delete(data);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + data + ": " + e.getMessage());
    }
  }

  /** The workers' log, before it goes with the folder: what a failed run needs to be understood. */
  private static void printWorkerLog(Path data) {
    Path log = data.resolve("worker.log");
    try {
      if (Files.isRegularFile(log)) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        System.err.println("worker log (last lines):");
        lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
      }
    } catch (IOException e) {
      System.err.println("worker log unreadable: " + e.getMessage());
    }
  }

  /** A soak-worker process; "ack ID" lines go into {@code acked}. */
  private Process worker(Path data, SoakConnector connector, Set<Long> acked) throws Exception {
    String java = ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "it.vademecum.tools.Tools", "soak-worker", "--data", data.toString(), "--connector", connector.serviceUrl(),
        "--count", String.valueOf(count), "--rate", String.valueOf(rate)));
    Process p = new ProcessBuilder(new ArrayList<>(cmd))
        .redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("worker.log").toFile())).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.startsWith("ack ")) {
            acked.add(Long.parseLong(line.substring(4).trim()));
          }
        }
      } catch (Exception e) {
        // the process was killed
      }
    }, "soak-worker-output");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  /** Team leads take every card in the channel; the supervisor resends what stays uncertain; count. */
  int settle(java.util.function.Supplier<H2Outbox> openOutbox, SoakConnector connector, Set<Long> acked, long start)
      throws Exception {
    int resent = 0;
    int resolvedByClick = 0;
    int uncertainSeen = 0;
    try (H2Outbox outbox = openOutbox.get()) {
      for (int round = 0; round < 20; round++) {
        uncertainSeen += (int) outbox.open().stream().filter(o -> o.state() == State.UNCERTAIN).count();
        // A team lead clicks the card of every uncertain escalation that has one in the channel.
        for (OpenEscalation o : outbox.open()) {
          List<SoakConnector.Card> cards = connector.cards().get(o.id());
          if (o.state() == State.UNCERTAIN && cards != null && !cards.isEmpty()
              && outbox.take(o.id(), "tl-soak", "TL Soak", cards.get(0).conversationId(), cards.get(0).activityId())
                  .won()) {
            resolvedByClick++;
          }
        }
        // The supervisor resends what is still uncertain: its card is not in the channel.
        int resentNow = 0;
        for (OpenEscalation o : outbox.open()) {
          if (outbox.resend(o.id())) {
            resentNow++;
          }
        }
        resent += resentNow;
        if (resentNow == 0) {
          break;
        }
        try (EscalationSender sender = new EscalationSender(outbox, SoakWorkerCommand.poster(outbox),
            (key, text) -> true, SoakWorkerCommand.timing(), Clock.systemUTC()).start()) {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (System.nanoTime() < deadline) {
            Map<State, Long> s = outbox.countByState(Instant.EPOCH);
            if (s.getOrDefault(State.PENDING, 0L) == 0 && s.getOrDefault(State.SENDING, 0L) == 0) {
              break;
            }
            Thread.sleep(10);
          }
        }
      }
      Map<State, Long> states = outbox.countByState(Instant.EPOCH);
      long escalations = states.values().stream().mapToLong(Long::longValue).sum();
      int delivered = 0;
      int duplicates = 0;
      int lost = 0;
      // The rows anyone knows of (acknowledged to an agent, or carded in the channel) that exist;
      // a row nobody knows of was never acknowledged nor carded: lost.
      Set<Long> rows = new java.util.HashSet<>(acked);
      rows.addAll(connector.cards().keySet());
      rows.removeIf(id -> outbox.find(id).isEmpty());
      lost += (int) (escalations - rows.size());
      for (long id : rows) {
        int n = connector.cards().getOrDefault(id, List.of()).size();
        delivered += n > 0 ? 1 : 0;
        duplicates += Math.max(0, n - 1);
        lost += n == 0 ? 1 : 0;
      }
      for (Map.Entry<Long, List<SoakConnector.Card>> e : connector.cards().entrySet()) {
        if (!rows.contains(e.getKey())) {
          duplicates += e.getValue().size(); // a card for no escalation at all
        }
      }
      for (long id : acked) {
        if (!rows.contains(id)) {
          lost++; // acknowledged to the agent, then gone: the worst outcome
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("connector calls=%d failed=%d (%.1f %%) %s%n", connector.calls.get(), connector.failed.get(),
          100.0 * connector.failed.get() / Math.max(1, connector.calls.get()), new java.util.TreeMap<>(
              connector.failures));
      System.out.printf("acknowledged=%d uncertain=%d resolved_by_click=%d resent_by_supervisor=%d states=%s "
          + "elapsed=%.1fs%n", acked.size(), uncertainSeen, resolvedByClick, resent, states, seconds);
      System.out.printf("escalations=%d delivered=%d duplicates=%d lost=%d%n", escalations, delivered, duplicates, lost);
      return escalations == count && delivered == count && duplicates == 0 && lost == 0 ? 0 : 1;
    }
  }
}
