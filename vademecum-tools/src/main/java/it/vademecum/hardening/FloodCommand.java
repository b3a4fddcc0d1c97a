package it.vademecum.hardening;

import it.vademecum.config.TypedSettings;
import it.vademecum.config.Settings;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.teams.RateLimiter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One agent floods the bot while others work at a normal pace: the flooder is slowed by the
 * per-agent rate limit, the others' latency stays what it was without the flood.
 */
@Command(name = "flood", mixinStandardHelpOptions = true,
    description = {"One agent floods a server of its own while others work.",
        "The rate limit at work; --slowloris N: N slow connections instead."})
public final class FloodCommand implements Callable<Integer> {

  static final String FLOODER = "flooding-agent";
  private static final String[] TEXTS = {"pagamento non registrato", "bonifico", "ricomincia",
      "casella pec piena", "aiuto"};

  @Option(names = "--seconds", description = "Length of each phase, without and with the flood (default 5).")
  int seconds = 5;

  @Option(names = "--rate", description = "The flooder's messages per second (default 100).")
  int rate = 100;

  @Option(names = "--agents", description = "Other agents (default 20).")
  int agents = 20;

  @Option(names = "--interval-ms", description = "Pause between two messages of another agent (default 1000).")
  int intervalMs = 1000;

  @Option(names = "--connector-ms", description = "The connector's delay per call (default 20).")
  int connectorMs = 20;

  @Option(names = "--slowloris", paramLabel = "N", description = "Instead of the flood: N connections sending their "
      + "body a byte a second for --seconds, while /healthz and an agent's message are timed (0: off).")
  int slowloris;

  @Option(names = "--dialogs", paramLabel = "DIR", description = "Dialogs folder (default: DIALOGS_DIR or dialogs).")
  Path dialogs;

  /** The load of a run. */
  public record Load(int seconds, int rate, int agents, int intervalMs) {}

  /** What a run measured. */
  public record Report(long requests, long status5xx, long failed, long floodSent, long floodReplies,
      long others, long othersNot200, long baselineP50, long baselineP95, long floodP50, long floodP95) {

    public String lastLine() {
      return String.format(Locale.ROOT, "requests=%d status_5xx=%d failed=%d flood_sent=%d flood_replies=%d "
          + "others=%d others_not_200=%d baseline_p50_ms=%d baseline_p95_ms=%d others_p50_ms=%d others_p95_ms=%d",
          requests, status5xx, failed, floodSent, floodReplies, others, othersNot200, baselineP50, baselineP95,
          floodP50, floodP95);
    }
  }

  @Override
  public Integer call() throws Exception {
    QuietLogs.warningsOnly();
    Settings settings = Settings.load();
    Engine engine = new EngineLoader().load(dialogs != null ? dialogs : settings.dialogsDir());
    RateLimiter.Policy policy = RateLimiter.Policy.from(TypedSettings.RateLimits.from(settings));
    try (Rig rig = Rig.start(engine, policy)) {
      if (slowloris > 0) {
        System.out.println("Slow-loris: " + slowloris + " connections sending a byte a second for " + seconds + " s.");
        SlowLoris.Figures f = SlowLoris.run(rig, slowloris, seconds);
        System.out.println(f.lastLine());
        return f.passed() ? 0 : 1;
      }
      rig.connector().delay(connectorMs);
      System.out.println("Flood: " + agents + " agents every " + intervalMs + " ms, then one more at " + rate
          + " messages/s, " + seconds + " s each; limit " + policy.burst() + " at once, " + policy.perSecond()
          + "/s; connector " + connectorMs + " ms.");
      Report r = run(rig, new Load(seconds, rate, agents, intervalMs));
      System.out.println("others without the flood: p50 " + r.baselineP50() + " ms, p95 " + r.baselineP95() + " ms");
      System.out.println("others during the flood:  p50 " + r.floodP50() + " ms, p95 " + r.floodP95() + " ms");
      System.out.println("flooder: " + r.floodSent() + " sent, " + r.floodReplies() + " replies from the bot");
      System.out.println(r.lastLine());
      return r.status5xx() == 0 && r.failed() == 0 && r.othersNot200() == 0 ? 0 : 1;
    }
  }

  /** Runs a baseline phase (others only), then the flood phase (others and the flooder). */
  public static Report run(Rig rig, Load load) throws InterruptedException {
    AtomicLong requests = new AtomicLong();
    AtomicLong status5xx = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong othersNot200 = new AtomicLong();
    for (int i = 0; i < load.agents(); i++) {
      // Warm-up, not measured: first turns load classes, open connections and look the agents up.
      rig.post(rig.message("calm-agent-" + i, "aiuto"));
      rig.post(rig.message("busy-agent-" + i, "aiuto"));
    }
    List<Long> baseline = others(rig, load, false, requests, status5xx, failed, othersNot200);
    rig.connector().watch(Rig.conversation(FLOODER));
    AtomicLong floodSent = new AtomicLong();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newFixedThreadPool(16);
    ticker.scheduleAtFixedRate(() -> senders.submit(() -> {
      floodSent.incrementAndGet();
      count(rig.post(rig.message(FLOODER, TEXTS[(int) (floodSent.get() % TEXTS.length)])), requests, status5xx,
          failed);
    }), 0, 1_000_000L / load.rate(), TimeUnit.MICROSECONDS);
    List<Long> during = others(rig, load, true, requests, status5xx, failed, othersNot200);
    ticker.shutdownNow();
    senders.shutdown();
    senders.awaitTermination(30, TimeUnit.SECONDS);
    return new Report(requests.get(), status5xx.get(), failed.get(), floodSent.get(),
        rig.connector().posts(Rig.conversation(FLOODER)), during.size(), othersNot200.get(),
        percentile(baseline, 50), percentile(baseline, 95), percentile(during, 50), percentile(during, 95));
  }

  /** The other agents for one phase: each sends a message, waits its interval, again; latencies in ms. */
  private static List<Long> others(Rig rig, Load load, boolean flood, AtomicLong requests, AtomicLong status5xx,
      AtomicLong failed, AtomicLong not200) throws InterruptedException {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(load.agents());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(load.seconds());
    for (int i = 0; i < load.agents(); i++) {
      String agent = (flood ? "busy-" : "calm-") + "agent-" + i;
      int offset = i;
      pool.submit(() -> {
        int n = offset;
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          int status = rig.post(rig.message(agent, TEXTS[n++ % TEXTS.length]));
          latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
          count(status, requests, status5xx, failed);
          if (status != 200) {
            not200.incrementAndGet();
          }
          Thread.sleep(load.intervalMs());
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(load.seconds() + 60L, TimeUnit.SECONDS);
    return latencies;
  }

  private static void count(int status, AtomicLong requests, AtomicLong status5xx, AtomicLong failed) {
    requests.incrementAndGet();
    if (status >= 500) {
      status5xx.incrementAndGet();
    } else if (status < 0) {
      failed.incrementAndGet();
    }
  }

  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
