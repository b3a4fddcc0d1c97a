package it.vademecum.soak;

import it.vademecum.bench.Folders;
import it.vademecum.bench.TeamsActivities;
import it.vademecum.config.DatabaseUrl;
import it.vademecum.config.Settings;
import it.vademecum.engine.Action;
import it.vademecum.engine.ActionCodec;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.store.Database;
import it.vademecum.teams.ChannelRoute;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code soak --instances N}: N real {@code serve} processes (the product's main class) behind a
 * real HAProxy (round robin, loopback), sharing the Redis of REDIS_URL and a new PostgreSQL
 * database on the server of DATABASE_URL (dropped at the end). Simulated agents send Teams
 * activities through HAProxy to {@code /api/messages}: a sentence whose topic escalates, the ticket
 * number, a note, then the click on "send"; the connector (the channel's and the agents' chats) fails
 * a share of the channel posts. Instance 0 is killed (SIGKILL) in the middle and started again on
 * its port. An agent whose turn failed (HAProxy's 502 while an instance dies) does what an agent
 * would: asks "le mie escalation" and starts over only when the ticket is not there. Then the
 * one-process soak's settling and counts, plus the most connector calls seen in any one second.
 */
final class SoakInstances {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final String TOPIC = "bonifico di 200 euro fatto 6 giorni fa e non ancora registrato";
  private static final String SEND = ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.SEND));
  private static final Pattern CONFIRMED = Pattern.compile("Escalation n\\. (\\d+)");
  /** Agents writing at once; each sends its escalations one after the other. */
  private static final int AGENTS = 40;
  /** An agent's pace: one message every 500 ms at most, the per-agent rate limit's 2 per second. */
  private static final long TURN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /** The outbox's lease in serve (H2Outbox.LEASE): a killed instance's SENDING rows expire after it. */
  private static final Duration SERVE_LEASE = Duration.ofMinutes(2);

  private final SoakCommand soak;
  /** When each agent's thread may send its next message. */
  private final ThreadLocal<long[]> nextTurn = ThreadLocal.withInitial(() -> new long[1]);
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

  SoakInstances(SoakCommand soak) {
    this.soak = soak;
  }

  int run() throws Exception {
    Map<String, String> given = new java.util.HashMap<>(System.getenv());
    if (soak.redisUrl != null) {
      given.put("REDIS_URL", soak.redisUrl);
    }
    if (soak.databaseUrl != null) {
      given.put("DATABASE_URL", soak.databaseUrl);
    }
    if (soak.dialogs != null) {
      given.put("DIALOGS_DIR", soak.dialogs.toString());
    }
    Settings settings = Settings.load(given, Path.of(".env"));
    if (settings.redisUrl().isEmpty() || settings.databaseUrl().isEmpty()) {
      System.err.println("soak --instances needs REDIS_URL and DATABASE_URL (a test pair: . .ci/services.sh &&"
          + " services_start, then REDIS_URL=$TEST_REDIS_URL DATABASE_URL=$TEST_DATABASE_URL).");
      return 2;
    }
    Path dialogs = settings.dialogsDir().toAbsolutePath();
    if (!Files.isDirectory(dialogs)) {
      System.err.println("soak --instances runs serve on the dialogs folder " + dialogs + ", which is missing"
          + " (run it from the project folder or set DIALOGS_DIR).");
      return 2;
    }
    DatabaseUrl server = settings.databaseUrl().get();
    String name = "vademecum_soak_" + Long.toString(System.currentTimeMillis(), 36);
    execute(server, "CREATE DATABASE " + name);
    String jdbc = server.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    DatabaseUrl soakDb = new DatabaseUrl(jdbc, server.user(), server.password());
    String url = soakDb.user() == null ? jdbc : jdbc + (jdbc.contains("?") ? "&" : "?") + "user=" + soakDb.user()
        + (soakDb.password() == null ? "" : "&password=" + soakDb.password());
    Path data = Files.createTempDirectory("vademecum-soak");
    List<Process> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    boolean failed = true;
    try (SoakConnector connector = new SoakConnector(soak.failureRate, soak.seed)) {
      // The stores migrate here first; the channel's route is the one Teams would have given.
      try (H2Outbox outbox = H2Outbox.open(Database.postgres(soakDb, "soak"), Redactor.defaults(),
          Clock.systemUTC())) {
        outbox.put(ChannelRoute.CHANNEL, SoakWorkerCommand.CHANNEL,
            new ChannelRoute(connector.serviceUrl(), "tenant-soak", "team-soak").toJson());
      }
      Map<String, String> env = Map.of("REDIS_URL", settings.redisUrl().get(), "DATABASE_URL", url,
          "TEAMLEAD_CHANNEL_ID", SoakWorkerCommand.CHANNEL, "CONNECTOR_RATE", String.valueOf((int) soak.ceiling),
          "DIALOGS_DIR", dialogs.toString());
      int code = run(data, env, connector, processes, soakDb);
      failed = code != 0;
      return code;
    } finally {
      for (Process p : processes) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      if (failed) {
        System.err.println("logs of the serve processes and HAProxy kept in " + data);
      } else {
        Folders.delete(data);
      }
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      try {
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (SQLException e) {
        System.err.println("database " + name + " not dropped: " + e.getMessage());
      }
    }
  }

  private int run(Path data, Map<String, String> env, SoakConnector connector, List<Process> processes,
      DatabaseUrl soakDb) throws Exception {
    long start = System.nanoTime();
    int[] ports = new int[soak.instances];
    List<Process> serves = new ArrayList<>();
    for (int i = 0; i < soak.instances; i++) {
      ports[i] = freePort();
      serves.add(serve(data, env, i, ports[i]));
      processes.add(serves.get(i));
    }
    int proxyPort = freePort();
    Path cfg = data.resolve("haproxy.cfg");
    StringBuilder conf = new StringBuilder("global\n  maxconn 1024\ndefaults\n  mode http\n  timeout connect 1s\n"
        + "  timeout client 30s\n  timeout server 30s\n  retries 3\n  option redispatch\n"
        + "frontend vademecum\n  bind 127.0.0.1:" + proxyPort + "\n  default_backend instances\n"
        + "backend instances\n  balance roundrobin\n  option httpchk GET /healthz\n");
    for (int i = 0; i < ports.length; i++) {
      conf.append("  server s").append(i).append(" 127.0.0.1:").append(ports[i])
          .append(" check inter 500 fall 1 rise 1\n");
    }
    Files.writeString(cfg, conf);
    Process haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
        .redirectOutput(data.resolve("haproxy.log").toFile()).start();
    processes.add(haproxy);
    for (int i = 0; i < ports.length; i++) {
      if (!awaitHealthy(ports[i], serves.get(i))) {
        System.err.println("serve " + i + " did not start (log in " + data + ")");
        return 1;
      }
    }
    String api = "http://127.0.0.1:" + proxyPort + "/api/messages";
    System.out.println(soak.instances + " serve processes behind HAProxy on 127.0.0.1:" + proxyPort
        + " (round robin), sessions and the connector ceiling (" + (int) soak.ceiling + "/s) in Redis, outbox in "
        + "PostgreSQL; " + soak.count + " escalations by " + AGENTS + " agents");

    Set<Long> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger gaveUp = new AtomicInteger();
    TeamsActivities activities = new TeamsActivities(connector.serviceUrl());
    ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
    for (int a = 0; a < AGENTS; a++) {
      String id = UUID.nameUUIDFromBytes(("soak-agent-" + a).getBytes()).toString();
      TeamsActivities.Sender agent = new TeamsActivities.Sender("a:soak-" + a, "29:soak-" + a, id, "Agente " + a);
      agents.execute(() -> {
        for (int i = next.getAndIncrement(); i < soak.count; i = next.getAndIncrement()) {
          Optional<Long> sent = escalate(api, activities, connector, agent, String.valueOf(3_000_000 + i), retried);
          if (sent.isPresent()) {
            acked.add(sent.get());
          } else {
            gaveUp.incrementAndGet();
          }
        }
      });
    }
    agents.shutdown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (acked.size() < soak.count * soak.killAt && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    int ackedAtKill = acked.size();
    int cardsAtKill = connector.cardCount();
    double killedAt = (System.nanoTime() - start) / 1e9;
    serves.get(0).destroyForcibly();
    serves.get(0).waitFor(30, TimeUnit.SECONDS);
    Process restarted = serve(data, env, 0, ports[0]);
    processes.add(restarted);
    serves.set(0, restarted);
    if (!awaitHealthy(ports[0], restarted)) {
      System.err.println("serve 0 did not start again after the kill (log in " + data + ")");
      return 1;
    }
    System.out.printf("kill -9 of serve 0 after %d escalations confirmed and %d cards posted (%.1fs); restarted"
        + " (%.1fs).%n", ackedAtKill, cardsAtKill, killedAt, (System.nanoTime() - start) / 1e9);
    if (!agents.awaitTermination(240, TimeUnit.SECONDS)) {
      agents.shutdownNow();
      System.err.println("the agents did not finish in time");
      return 1;
    }
    // The instances post what is pending; then they stop (SIGTERM) and a supervisor settles the rest.
    try (H2Outbox outbox = H2Outbox.open(Database.postgres(soakDb, "soak-watch"), Redactor.defaults(),
        Clock.systemUTC())) {
      int calls = -1;
      long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < drainDeadline) {
        int now = connector.calls.get();
        if (outbox.countByState(Instant.EPOCH).getOrDefault(State.PENDING, 0L) == 0 && now == calls) {
          break;
        }
        calls = now;
        Thread.sleep(1_000);
      }
    }
    for (Process p : serves) {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    System.out.printf("agents done: %d confirmed, %d turns retried after an error, %d given up; instances"
        + " drained and stopped (%.1fs).%n", acked.size(), retried.get(), gaveUp.get(),
        (System.nanoTime() - start) / 1e9);
    int peak = connector.maxPerSecond();
    System.out.printf("connector max calls in one second=%d ceiling=%d%n", peak, (int) soak.ceiling);
    // The killed instance's posts in flight stay SENDING until their lease runs out: the supervisor
    // looks after that (the clock moved past the lease instead of waiting two minutes).
    Clock afterLease = Clock.offset(Clock.systemUTC(), SERVE_LEASE.plusSeconds(1));
    H2Outbox.open(Database.postgres(soakDb, "soak-leases"), Redactor.defaults(), afterLease).close();
    int result = soak.settle(() -> H2Outbox.open(Database.postgres(soakDb, "soak"), Redactor.defaults(),
        Clock.systemUTC()), connector, acked, start);
    int twice = sameTicketTwice(soakDb);
    return result == 0 && twice == 0 && peak <= soak.ceiling && gaveUp.get() == 0 ? 0 : 1;
  }

  /** Tickets escalated more than once: one agent's escalation that became two rows. */
  private static int sameTicketTwice(DatabaseUrl db) throws SQLException {
    int twice = 0;
    try (Connection c = connect(db); Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT ticket, string_agg(id || ' ' || agent_key || ' '"
            + " || created_at, ', ' ORDER BY id) FROM escalation GROUP BY ticket HAVING count(*) > 1")) {
      while (rs.next()) {
        twice++;
        System.out.println("ticket " + rs.getString(1) + " escalated more than once: " + rs.getString(2));
      }
    }
    System.out.println("tickets_escalated_twice=" + twice);
    return twice;
  }

  /**
   * One escalation as an agent sends it: the sentence, the ticket, a note, the click on send. The
   * escalation's number when the bot confirmed it (in its reply, or listed by "le mie escalation"
   * after a failed turn); empty after too many attempts.
   */
  private Optional<Long> escalate(String api, TeamsActivities activities, SoakConnector connector,
      TeamsActivities.Sender agent, String ticket, AtomicInteger retried) {
    String conversation = agent.conversationId();
    for (int attempt = 0; attempt < 10; attempt++) {
      boolean ok = attempt == 0 || post(api, activities.text(agent, UUID.randomUUID().toString(), "ricomincia"));
      ok &= post(api, activities.text(agent, UUID.randomUUID().toString(), TOPIC));
      ok &= post(api, activities.text(agent, UUID.randomUUID().toString(), ticket));
      ok &= post(api, activities.text(agent, UUID.randomUUID().toString(), "nota di prova " + ticket));
      connector.takeChat(conversation);
      ok &= post(api, activities.click(agent, UUID.randomUUID().toString(), SEND, null));
      for (String reply : connector.takeChat(conversation)) {
        Matcher m = CONFIRMED.matcher(reply);
        if (ok && m.find()) {
          return Optional.of(Long.parseLong(m.group(1)));
        }
      }
      // Something failed: is the escalation there anyway?
      retried.incrementAndGet();
      Pattern listed = Pattern.compile("n\\. (\\d+) · [^\"]{0,300}?· ticket " + ticket + " ·");
      for (int ask = 0; ask < 20; ask++) {
        if (post(api, activities.text(agent, UUID.randomUUID().toString(), "le mie escalation"))) {
          for (String reply : connector.takeChat(conversation)) {
            Matcher m = listed.matcher(reply);
            if (m.find()) {
              return Optional.of(Long.parseLong(m.group(1)));
            }
          }
          break;
        }
        pause();
      }
    }
    return Optional.empty();
  }

  private boolean post(String api, byte[] body) {
    long wait = nextTurn.get()[0] - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    nextTurn.get()[0] = System.nanoTime() + TURN_GAP_NANOS;
    try (Response r = http.newCall(new Request.Builder().url(api).post(RequestBody.create(body, JSON)).build())
        .execute()) {
      return r.code() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A serve process of the product on {@code port}, its output in {@code data/serve-N.log}. */
  private static Process serve(Path data, Map<String, String> env, int n, int port) throws IOException {
    Path dir = data.resolve("s" + n);
    Files.createDirectories(dir);
    String java = ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "it.vademecum.cli.Main", "serve", "--port", String.valueOf(port));
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("Microsoft") || k.equals("PORT") || k.equals("SUPERVISORS"));
    e.putAll(env);
    e.put("DATA_DIR", dir.toString());
    File log = data.resolve("serve-" + n + ".log").toFile();
    return pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
  }

  private boolean awaitHealthy(int port, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/healthz").build())
          .execute()) {
        if (r.code() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void execute(DatabaseUrl server, String sql) throws SQLException {
    try (Connection c = connect(server); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static Connection connect(DatabaseUrl db) throws SQLException {
    Properties p = new Properties();
    if (db.user() != null) {
      p.setProperty("user", db.user());
    }
    if (db.password() != null) {
      p.setProperty("password", db.password());
    }
    return DriverManager.getConnection(db.jdbcUrl(), p);
  }
}
