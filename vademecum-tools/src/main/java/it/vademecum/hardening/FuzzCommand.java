package it.vademecum.hardening;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import it.vademecum.config.Settings;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.teams.RateLimiter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throws hostile Teams activities at a server of its own and counts the answers by status. A
 * sentinel agent stands at a question throughout and must still be there afterwards.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = {"Hostile Teams activities at a server of its own; no 5xx allowed.",
        "Generated and mutated Teams activities; last line: requests=… status_5xx=0 …."})
public final class FuzzCommand implements Callable<Integer> {

  static final String SENTINEL = "sentinel-agent";
  static final String QUESTION = "Come ha pagato il cliente?";
  static final String NEXT_QUESTION = "importo del bonifico supera 500";

  @Option(names = "--requests", description = "How many activities (default 10000).")
  int requests = 10_000;

  @Option(names = "--clients", description = "Concurrent senders (default 4).")
  int clients = 4;

  @Option(names = "--seed", description = "Seed of the generator (default 1).")
  long seed = 1;

  @Option(names = "--dialogs", paramLabel = "DIR", description = "Dialogs folder (default: DIALOGS_DIR or dialogs).")
  Path dialogs;

  /** What a run measured. */
  public record Report(long requests, Map<Integer, Long> byStatus, long status5xx, boolean sentinelKept,
      boolean answersAfter, double seconds) {

    public boolean passed() {
      return status5xx == 0 && sentinelKept && answersAfter && !byStatus.containsKey(-1);
    }

    public String lastLine() {
      long ok = byStatus.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
          .mapToLong(Map.Entry::getValue).sum();
      long client = byStatus.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
          .mapToLong(Map.Entry::getValue).sum();
      return String.format(java.util.Locale.ROOT,
          "requests=%d status_2xx=%d status_4xx=%d status_5xx=%d failed=%d sentinel=%s after=%s seconds=%.1f rps=%.0f",
          requests, ok, client, status5xx, byStatus.getOrDefault(-1, 0L), sentinelKept ? "ok" : "LOST",
          answersAfter ? "ok" : "FAILED", seconds, requests / Math.max(seconds, 1e-9));
    }
  }

  @Override
  public Integer call() throws Exception {
    QuietLogs.warningsOnly();
    Path dir = dialogs != null ? dialogs : Settings.load().dialogsDir();
    Engine engine = new EngineLoader().load(dir);
    try (Rig rig = Rig.start(engine, RateLimiter.Policy.OFF)) {
      System.out.println("Fuzz: " + requests + " hostile activities at " + rig.url() + " (" + clients
          + " clients, seed " + seed + ").");
      Report r = run(rig, requests, clients, seed, System.out);
      System.out.println(r.lastLine());
      return r.passed() ? 0 : 1;
    }
  }

  /** The run itself, on a rig already started. */
  public static Report run(Rig rig, int requests, int clients, long seed, PrintStream out) throws Exception {
    rig.connector().watch(Rig.conversation(SENTINEL));
    rig.post(rig.message(SENTINEL, "pagamento non registrato"));
    boolean atQuestion = rig.connector().last(Rig.conversation(SENTINEL)).contains(QUESTION);
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    Map<String, LongAdder> kinds5xx = new ConcurrentHashMap<>();
    AtomicLong next = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      Random random = new Random(seed * 7919 + c);
      pool.submit(() -> {
        while (next.getAndIncrement() < requests) {
          ActivityFuzzer.Case k = rig.fuzzer().next(random);
          int status = rig.post(k.body(), k.contentType());
          statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
          if (status >= 500 || status < 0) {
            kinds5xx.computeIfAbsent(k.kind(), s -> new LongAdder()).increment();
            // Generated data, not anyone's messages: shown so that the failure can be reproduced.
            firstFailure.compareAndSet(null, status + " " + new String(k.body(), 0, Math.min(k.body().length, 1_500),
                java.nio.charset.StandardCharsets.UTF_8));
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    double seconds = (System.nanoTime() - start) / 1e9;
    rig.post(rig.submit(SENTINEL, ActionCodec.encode(new Action.Choose("pagamento-non-registrato", "metodo", 2))));
    boolean kept = atQuestion && rig.connector().last(Rig.conversation(SENTINEL)).contains(NEXT_QUESTION);
    int after = rig.post(rig.message("after-agent", "bonifico di 600 euro non registrato"));
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
    byStatus.forEach((s, n) -> out.println("status " + (s < 0 ? "no answer" : s) + ": " + n));
    kinds5xx.forEach((k, n) -> out.println("5xx or no answer from " + k + ": " + n.sum()));
    if (firstFailure.get() != null) {
      out.println("first failure: " + firstFailure.get());
    }
    out.println("sentinel agent: " + (kept ? "still at its question after the fuzz" : "its question was LOST"));
    long status5xx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    return new Report(requests, byStatus, status5xx, kept, after == 200, seconds);
  }
}
