package it.vademecum.bench;

import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.redis.Redis;
import it.vademecum.session.RedisSessionStore;
import it.vademecum.teams.ConnectorLimits;
import it.vademecum.teams.TeamsServer;
import it.vademecum.teams.VademecumBot;
import it.vademecum.usage.UsageLog;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code bench --instances N}: N Vademecum servers with their sessions in one Redis, behind a real
 * HAProxy (round robin, loopback), against one of them alone, with the same agents writing back to
 * back: turns per second and p99 of each. Every server runs in this JVM on this machine, so the
 * figures compare the cost of sharing (Redis round trips, the proxy hop), not added capacity.
 */
public final class InstancesBench {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final List<String> SENTENCES = List.of("pagamento non registrato", "ricomincia",
      "bonifico di 600 euro non registrato", "menu");

  private final Path dialogs;
  private final String redisUrl;
  private final int instances;
  private final int agents;
  private final int seconds;
  private final PrintStream out;

  public InstancesBench(Path dialogs, String redisUrl, int instances, int agents, int seconds, PrintStream out) {
    this.dialogs = dialogs;
    this.redisUrl = redisUrl;
    this.instances = instances;
    this.agents = agents;
    this.seconds = seconds;
    this.out = out;
  }

  /** The whole run; returns the number of failed turns. */
  public long run() throws Exception {
    Engine engine = new EngineLoader().load(dialogs);
    List<Redis> redis = new ArrayList<>();
    List<TeamsServer> servers = new ArrayList<>();
    Path cfg = Files.createTempFile("vademecum-haproxy", ".cfg");
    Process haproxy = null;
    OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(agents * 2, 5, TimeUnit.MINUTES))
        .readTimeout(30, TimeUnit.SECONDS).build();
    try (MiniConnector connector = new MiniConnector(0, 0, 1)) {
      String serviceUrl = connector.start();
      TeamsActivities activities = new TeamsActivities(serviceUrl);
      for (int i = 0; i < instances; i++) {
        Redis r = Redis.connect(redisUrl);
        redis.add(r);
        Assistant assistant = new Assistant(() -> engine, new RedisSessionStore(r, Duration.ofHours(8)),
            UsageLog.disabled(), EscalationSink.byHand(), List.of(), Clock.systemUTC());
        TeamsServer server = new TeamsServer(new TeamsServer.Options(null, null, "MultiTenant", null, "127.0.0.1", 0),
            () -> engine, new VademecumBot(assistant), new ConnectorLimits(0, 5, Duration.ofSeconds(20)));
        server.start();
        servers.add(server);
      }
      int port = freePort();
      StringBuilder conf = new StringBuilder("global\n  maxconn 4096\ndefaults\n  mode http\n  timeout connect 2s\n"
          + "  timeout client 30s\n  timeout server 30s\nfrontend vademecum\n  bind 127.0.0.1:" + port + "\n"
          + "  default_backend instances\nbackend instances\n  balance roundrobin\n");
      for (int i = 0; i < servers.size(); i++) {
        conf.append("  server i").append(i).append(" 127.0.0.1:").append(servers.get(i).port()).append('\n');
      }
      Files.writeString(cfg, conf);
      haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      String single = "http://127.0.0.1:" + servers.get(0).port() + "/api/messages";
      String balanced = "http://127.0.0.1:" + port + "/api/messages";
      awaitUp(http, "http://127.0.0.1:" + port + "/healthz");
      load(http, activities, single, 3); // warm-up, not measured
      Result one = load(http, activities, single, seconds);
      Result many = load(http, activities, balanced, seconds);
      out.printf(Locale.ROOT, "one instance:  %.1f turns/s, p50 %.1f ms, p99 %.1f ms, %d failed%n", one.rate(),
          one.p50, one.p99, one.failed);
      out.printf(Locale.ROOT, "%d instances behind HAProxy (round robin), sessions in Redis: %.1f turns/s, p50 %.1f ms,"
          + " p99 %.1f ms, %d failed%n", instances, many.rate(), many.p50, many.p99, many.failed);
      out.printf(Locale.ROOT, "instances=%d turns_per_s=%.1f p99_ms=%.1f single_turns_per_s=%.1f single_p99_ms=%.1f"
          + " errors=%d%n", instances, many.rate(), many.p99, one.rate(), one.p99, one.failed + many.failed);
      return one.failed + many.failed;
    } finally {
      if (haproxy != null) {
        haproxy.destroy();
        haproxy.waitFor(5, TimeUnit.SECONDS);
      }
      servers.forEach(TeamsServer::close);
      redis.forEach(Redis::close);
      Files.deleteIfExists(cfg);
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private record Result(long turns, double seconds, double p50, double p99, long failed) {
    double rate() {
      return turns / seconds;
    }
  }

  /** {@code agents} agents writing back to back to {@code url} for {@code s} seconds. */
  private Result load(OkHttpClient http, TeamsActivities activities, String url, int s) throws Exception {
    Latencies latencies = new Latencies();
    LongAdder failed = new LongAdder();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(s);
    ExecutorService pool = Executors.newFixedThreadPool(agents);
    long begin = System.nanoTime();
    for (int a = 0; a < agents; a++) {
      String id = UUID.randomUUID().toString();
      TeamsActivities.Sender sender = new TeamsActivities.Sender("a:" + id, "29:" + id, id, "Agente Bench");
      pool.execute(() -> {
        int n = 0;
        while (System.nanoTime() < end) {
          byte[] body = activities.text(sender, UUID.randomUUID().toString(), SENTENCES.get(n++ % SENTENCES.size()));
          long t0 = System.nanoTime();
          try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build())
              .execute()) {
            if (r.code() == 200) {
              latencies.add(System.nanoTime() - t0);
            } else {
              failed.increment();
            }
          } catch (IOException e) {
            failed.increment();
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(s + 60L, TimeUnit.SECONDS);
    double took = (System.nanoTime() - begin) / 1e9;
    return new Result(latencies.count(), took, latencies.percentileMs(50), latencies.percentileMs(99), failed.sum());
  }

  private static void awaitUp(OkHttpClient http, String url) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
        if (r.code() == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("HAProxy did not come up on " + url);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
