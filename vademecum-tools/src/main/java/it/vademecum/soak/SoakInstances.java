package it.vademecum.soak;

import it.vademecum.config.DatabaseUrl;
import it.vademecum.config.Settings;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.privacy.Redactor;
import it.vademecum.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code soak --instances N}: N worker processes share one outbox in a new PostgreSQL database
 * (created on the server of DATABASE_URL, dropped at the end) and the connector ceiling in the
 * Redis of REDIS_URL; each enqueues its share of the escalations and every one of them sends.
 * Worker 0 is killed (SIGKILL) in the middle and started again. Then the same settling and counts as
 * the one-process soak, plus the most connector calls seen in any one second.
 */
final class SoakInstances {

  private final SoakCommand soak;

  SoakInstances(SoakCommand soak) {
    this.soak = soak;
  }

  int run() throws Exception {
    Settings settings = Settings.load();
    if (settings.redisUrl().isEmpty() || settings.databaseUrl().isEmpty()) {
      System.err.println("soak --instances needs REDIS_URL and DATABASE_URL (a test pair: . .ci/services.sh &&"
          + " services_start, then REDIS_URL=$TEST_REDIS_URL DATABASE_URL=$TEST_DATABASE_URL).");
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
    System.out.println("outbox in PostgreSQL database " + name + ", " + soak.instances + " workers, ceiling "
        + soak.ceiling + "/s shared in Redis");
    long start = System.nanoTime();
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    try (SoakConnector connector = new SoakConnector(soak.failureRate, soak.seed)) {
      List<Process> workers = new ArrayList<>();
      for (int w = 0; w < soak.instances; w++) {
        workers.add(start(w, data, url, settings.redisUrl().get(), connector, acked));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (connector.cardCount() < soak.count * soak.killAt && workers.get(0).isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      if (!workers.get(0).isAlive()) {
        System.err.println("worker 0 ended before the kill (exit " + workers.get(0).exitValue() + ", log in " + data
            + ")");
        return 1;
      }
      double killedAt = (System.nanoTime() - start) / 1e9;
      int ackedAtKill = acked.size();
      int cardsAtKill = connector.cardCount();
      workers.get(0).destroyForcibly();
      workers.get(0).waitFor(30, TimeUnit.SECONDS);
      workers.set(0, start(0, data, url, settings.redisUrl().get(), connector, acked));
      for (int w = 0; w < workers.size(); w++) {
        Process p = workers.get(w);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          System.err.println("worker " + w + " did not drain (log in " + data + ")");
          return 1;
        }
      }
      System.out.printf("kill -9 of worker 0 after %d escalations acknowledged and %d cards posted (%.1fs);"
          + " restarted, drained (%.1fs).%n", ackedAtKill, cardsAtKill, killedAt, (System.nanoTime() - start) / 1e9);
      int peak = connector.maxPerSecond();
      System.out.printf("connector max calls in one second=%d ceiling=%d%n", peak, (int) soak.ceiling);
      int result = soak.settle(() -> H2Outbox.open(Database.postgres(soakDb, "soak"), Redactor.defaults(),
          Clock.systemUTC()), connector, acked, start);
      return result == 0 && peak <= soak.ceiling ? 0 : 1;
    } finally {
      try {
        execute(server, "DROP DATABASE IF EXISTS " + name);
      } catch (SQLException e) {
        System.err.println("database " + name + " not dropped: " + e.getMessage());
      }
    }
  }

  private Process start(int w, Path data, String databaseUrl, String redisUrl, SoakConnector connector,
      Set<Long> acked) throws Exception {
    Files.createDirectories(data.resolve("w" + w));
    return soak.worker(data.resolve("w" + w), connector, acked, List.of("--database-url", databaseUrl,
        "--redis-url", redisUrl, "--ceiling", String.valueOf(soak.ceiling), "--worker", String.valueOf(w),
        "--workers", String.valueOf(soak.instances)));
  }

  private static void execute(DatabaseUrl server, String sql) throws SQLException {
    Properties p = new Properties();
    if (server.user() != null) {
      p.setProperty("user", server.user());
    }
    if (server.password() != null) {
      p.setProperty("password", server.password());
    }
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), p); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
