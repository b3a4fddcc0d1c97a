package it.vademecum.bench;

import it.vademecum.config.TypedSettings;
import com.fasterxml.jackson.databind.JsonNode;
import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.dialog.Topic;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.config.Settings;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.teams.ConnectorLimits;
import it.vademecum.teams.TeamsServer;
import it.vademecum.teams.VademecumBot;
import it.vademecum.usage.AsyncUsageLog;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The {@code bench} command: in one process, the real server (real dialogs, engine, assistant,
 * bot, SDK adapter, local mode, loopback) and an echo bot on the same SDK and server, a minimal
 * Teams connector, and simulated agents posting Teams activities over HTTP, alternately to one
 * bot and the other so machine noise hits both; then the matcher, the heap per idle session and
 * the time to ready. The last printed line is machine-readable.
 */
public final class Bench {

  private static final Pattern MATCH_P99 = Pattern.compile("match_p99_us=([0-9.]+)");

  private final BenchOptions options;
  private final PrintStream out;
  private final ThreadCpu threadCpu = new ThreadCpu();

  public Bench(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** The whole run; returns the number of errors. */
  public long run() throws Exception {
    long loadStart = System.nanoTime();
    long loading = System.nanoTime();
    Engine engine = new EngineLoader().load(options.dialogs());
    double buildMillis = (System.nanoTime() - loading) / 1e6;
    long engineMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStart);
    UsageLog usage = options.dataDir() == null ? UsageLog.disabled()
        : new AsyncUsageLog(H2UsageLog.open(TypedSettings.parse(new Settings(Map.of("DATA_DIR", options.dataDir().toString())))), 10_000);
    Assistant assistant = new Assistant(() -> engine, new CaffeineSessionStore(Duration.ofHours(8), 100_000),
        usage, EscalationSink.byHand(), List.of(), Clock.systemUTC());
    ConnectorLimits limits = new ConnectorLimits(options.connectorRate(), ConnectorLimits.DEFAULT.maxRetries(),
        ConnectorLimits.DEFAULT.maxWait());
    TeamsServer server = new TeamsServer(local(), () -> engine, new VademecumBot(assistant), limits);
    server.start();
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(options.agents() * 2, 5, TimeUnit.MINUTES))
        .connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build();
    String base = "http://127.0.0.1:" + server.port();
    awaitHealthy(http, base);
    long readyFromLoadMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStart);
    long readyFromJvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
    out.printf(Locale.ROOT, "ready: %d ms from JVM start, %d ms from loading %d topics to serving /api/messages "
            + "(dialogs and matcher %d ms, JVM and command line before that %d ms)%n",
        readyFromJvmMs, readyFromLoadMs, engine.catalog().list().size(), engineMs, readyFromJvmMs - readyFromLoadMs);

    List<Long> plain = ServeStartup.measure(options.dialogs(), options.serveStarts(), Optional.empty());
    Optional<Path> archive = ServeStartup.archive();
    List<Long> archived = archive.isEmpty() ? List.of()
        : ServeStartup.measure(options.dialogs(), options.serveStarts(), archive);
    long readyMs = readyFromJvmMs;
    if (!plain.isEmpty()) {
      readyMs = median(plain);
      out.printf(Locale.ROOT, "serve: ready in %s ms (median %d ms) from launching `java -jar … serve` in a JVM of its "
          + "own to /healthz 200 with every dialog loaded%n", plain, readyMs);
    }
    if (!archived.isEmpty()) {
      readyMs = median(archived);
      out.printf(Locale.ROOT, "serve: ready in %s ms (median %d ms) with the class-data archive "
          + "(java -XX:SharedArchiveFile=%s -jar … serve)%n", archived, readyMs, archive.get().getFileName());
    }

    List<String> sentences = sentences(engine);
    try (TeamsServer echoServer = new TeamsServer(local(), () -> engine, new EchoBot(), limits);
        MiniConnector connector = new MiniConnector(options.connectorLatencyMs(), options.connector429(),
            options.retryAfterS())) {
      echoServer.start();
      String serviceUrl = connector.start();
      LoadRun run = new LoadRun(http, connector, new TeamsActivities(serviceUrl), base + "/api/messages",
          "http://127.0.0.1:" + echoServer.port() + "/api/messages", sentences, options.thinkMs());
      long loadBegin = System.nanoTime();
      drive(run);
      long loadEnd = System.nanoTime();
      Report report = report(run, connector, loadBegin, loadEnd);
      // The calls answered 429 (connector line) are the ones the bot held and sent again.
      out.printf(Locale.ROOT, "bot: ceiling %s connector calls/s, %d calls answered 429 and sent again%n",
          options.connectorRate() > 0 ? String.format(Locale.ROOT, "%.0f", options.connectorRate()) : "no",
          connector.refused());

      String match = MatcherBenchmark.run(engine.matcher(), sentences, options.matchRounds(), buildMillis);
      Matcher m = MATCH_P99.matcher(match);
      double matchP99 = m.find() ? Double.parseDouble(m.group(1)) : -1;
      out.println("matcher: " + match);
      server.close();
      usage.close();
      long sessionBytes = SessionFootprint.bytesPerSession(engine, sentences, options.sessions());
      out.printf(Locale.ROOT, "sessions: %d bytes of heap per idle session (%d sessions, full GC before and after)%n",
          sessionBytes, options.sessions());
      out.printf(Locale.ROOT,
          "turns_per_s=%.1f p99_ms=%.1f echo_p99_ms=%.1f p99_ratio=%.2f session_bytes=%d ready_ms=%d "
              + "match_p99_us=%.1f errors=%d%n",
          report.turnsPerS, report.p99, report.echoP99, report.echoP99 > 0 ? report.p99 / report.echoP99 : 0,
          sessionBytes, readyMs, matchP99, report.errors);
      return report.errors;
    } finally {
      server.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private TeamsServer.Options local() {
    return new TeamsServer.Options(null, null, TypedSettings.Credentials.DEFAULT_APP_TYPE, null, "127.0.0.1", 0);
  }

  /** Warm-up, then measured phases alternating between the two bots, with the agents running throughout. */
  private void drive(LoadRun run) throws InterruptedException {
    run.switchTo(LoadRun.Phase.WARMUP_VADEMECUM);
    List<Thread> agents = new ArrayList<>();
    for (int i = 0; i < options.agents(); i++) {
      Thread t = new Thread(new SimulatedAgent(run, i, 1000L + i), "agent-" + i);
      t.setDaemon(true);
      agents.add(t);
      t.start();
    }
    long warm = TimeUnit.SECONDS.toMillis(options.warmupS());
    if (options.echo()) {
      Thread.sleep(warm / 2);
      run.switchTo(LoadRun.Phase.WARMUP_ECHO);
      Thread.sleep(warm - warm / 2);
    } else {
      Thread.sleep(warm);
    }
    long left = TimeUnit.SECONDS.toMillis(options.durationS());
    long phase = options.echo() ? TimeUnit.SECONDS.toMillis(options.phaseS()) : left;
    boolean echoTurn = false;
    while (left > 0) {
      long ms = Math.min(phase, left);
      run.switchTo(echoTurn ? LoadRun.Phase.ECHO : LoadRun.Phase.VADEMECUM);
      long t0 = System.nanoTime();
      long cpu0 = ThreadCpu.processCpu();
      long jit0 = jitMillis();
      Map<String, Long> parts0 = threadCpu.snapshot();
      Map<String, Long> allocated0 = threadCpu.allocated();
      long gc0 = ThreadCpu.gcMillis();
      Thread.sleep(ms);
      LoadRun.Figures f = run.figures(echoTurn);
      f.measuredNanos.addAndGet(System.nanoTime() - t0);
      f.jitMillis.addAndGet(jitMillis() - jit0);
      f.cpuNanos.addAndGet(ThreadCpu.processCpu() - cpu0);
      ThreadCpu.minus(threadCpu.snapshot(), parts0).forEach((part, nanos) -> f.cpuByPart.merge(part, nanos, Long::sum));
      ThreadCpu.minus(threadCpu.allocated(), allocated0)
          .forEach((part, bytes) -> f.allocatedByPart.merge(part, bytes, Long::sum));
      f.gcMillis.addAndGet(ThreadCpu.gcMillis() - gc0);
      left -= ms;
      echoTurn = options.echo() && !echoTurn;
    }
    run.switchTo(null);
    for (Thread t : agents) {
      t.join(30_000);
    }
  }

  /** Total time the JIT compilers have spent compiling so far, or 0 where the JVM does not say. */
  private static long jitMillis() {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private record Report(double turnsPerS, double p99, double echoP99, long errors) {}

  private Report report(LoadRun run, MiniConnector connector, long begin, long end) {
    LoadRun.Figures v = run.figures(false);
    LoadRun.Figures e = run.figures(true);
    double vRate = rate(v);
    out.printf(Locale.ROOT, "load: %d agents, %d s measured%s, a message every %d ms per agent (0 = back to back), connector latency %d ms, "
            + "429 rate %.3f (Retry-After %d s)%n", options.agents(), options.durationS(),
        options.echo() ? " in alternating " + options.phaseS() + " s phases" : "", options.thinkMs(),
        options.connectorLatencyMs(), options.connector429(), options.retryAfterS());
    line("vademecum", v, vRate);
    if (options.echo()) {
      line("echo     ", e, rate(e));
    }
    out.printf(Locale.ROOT, "connector: %d calls, %d answered 429, at most %d calls in any 1 s window, "
        + "%d replies to turns already given up%n", connector.calls(), connector.refused(),
        connector.maxCallsPerSecond(begin, end), connector.unexpected());
    if (v.firstError != null || e.firstError != null) {
      out.println("first error: " + (v.firstError != null ? v.firstError : e.firstError));
    }
    return new Report(vRate, v.latencies.percentileMs(99), e.latencies.percentileMs(99),
        v.errors.sum() + e.errors.sum());
  }

  private static double share(LoadRun.Figures f, LoadRun.Shape shape) {
    return 100.0 * f.byShape.get(shape.ordinal()) / Math.max(1, f.turns.sum());
  }

  private static double rate(LoadRun.Figures f) {
    long nanos = f.measuredNanos.get();
    return nanos == 0 ? 0 : f.turns.sum() / (nanos / 1e9);
  }

  private void line(String name, LoadRun.Figures f, double rate) {
    long turns = f.turns.sum();
    out.printf(Locale.ROOT, "%s: %d turns, %.1f turns/s, latency p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms, "
            + "%.2f messages/turn, %.2f card updates/turn, %.2f cards settled in invoke responses/turn, "
            + "%.0f JSON characters/turn sent, "
            + "%.2f ms CPU/turn (whole process), %d errors, %d lost replies%n", name, turns, rate,
        f.latencies.percentileMs(50), f.latencies.percentileMs(95), f.latencies.percentileMs(99),
        f.latencies.percentileMs(100), turns == 0 ? 0 : f.messages.sum() / (double) turns,
        turns == 0 ? 0 : f.updates.sum() / (double) turns,
        turns == 0 ? 0 : f.settledInResponse.sum() / (double) turns,
        turns == 0 ? 0 : f.replyChars.sum() / (double) turns,
        turns == 0 ? 0 : f.cpuNanos.get() / 1e6 / turns, f.errors.sum(),
        f.lost.sum());
    StringBuilder b = new StringBuilder("  turns by reply messages:");
    for (int i = 1; i < f.byMessages.length(); i++) {
      if (f.byMessages.get(i) > 0) {
        b.append(String.format(Locale.ROOT, " %d%s: %.1f%%", i, i == f.byMessages.length() - 1 ? "+" : "",
            100.0 * f.byMessages.get(i) / Math.max(1, turns)));
      }
    }
    out.println(b);
    out.printf(Locale.ROOT, "  inputs: %.1f%% typed, %.1f%% Action.Submit, %.1f%% Action.Execute%n",
        share(f, LoadRun.Shape.TYPED), share(f, LoadRun.Shape.SUBMIT), share(f, LoadRun.Shape.EXECUTE));
    out.printf(Locale.ROOT, "  JIT compiling during these phases: %d ms; garbage collection: %d ms%n",
        f.jitMillis.get(), f.gcMillis.get());
    if (turns > 0) {
      StringBuilder c = new StringBuilder("  CPU per turn by part (ms):");
      List<String> order = new ArrayList<>(ThreadCpu.PARTS.keySet());
      order.add("other");
      order.add("jvm");
      for (String part : order) {
        c.append(String.format(Locale.ROOT, " %s %.2f", part, f.cpuByPart.getOrDefault(part, 0L) / 1e6 / turns));
      }
      out.println(c);
      StringBuilder a = new StringBuilder("  KB allocated per turn by part:");
      long all = 0;
      for (String part : order.subList(0, order.size() - 1)) {   // "jvm", last, allocates no Java heap
        long bytes = f.allocatedByPart.getOrDefault(part, 0L);
        all += bytes;
        a.append(String.format(Locale.ROOT, " %s %.1f", part, bytes / 1024.0 / turns));
      }
      out.println(a.append(String.format(Locale.ROOT, " all %.1f", all / 1024.0 / turns)));
    }
  }

  private static void awaitHealthy(OkHttpClient http, String base) throws IOException, InterruptedException {
    for (int i = 0; i < 200; i++) {
      try (Response r = http.newCall(new Request.Builder().url(base + "/healthz").build()).execute()) {
        if (r.code() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IOException("server not healthy");
  }

  /** The sentences agents type: --sentences FILE.jsonl ({"text": ...} lines), else every topic's triggers. */
  private List<String> sentences(Engine engine) throws IOException {
    List<String> out = new ArrayList<>();
    if (options.sentences() != null) {
      for (String line : Files.readAllLines(options.sentences(), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode node = TeamsActivities.JSON.readTree(line);
          String text = node.path("text").asText("");
          if (!text.isBlank()) {
            out.add(text);
          }
        }
      }
    } else {
      for (Topic t : engine.catalog().list()) {
        out.addAll(t.triggers());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no sentences to ask");
    }
    return out;
  }
}
