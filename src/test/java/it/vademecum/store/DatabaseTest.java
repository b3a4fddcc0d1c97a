package it.vademecum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.RealServices;
import it.vademecum.config.Settings;
import it.vademecum.config.TypedSettings;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.shift.BreakReminders;
import it.vademecum.shift.ExecutorTimer;
import it.vademecum.usage.H2UsageLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir
  Path dir;

  @Test
  void theThreeStoresShareOnePostgresDatabaseEachWithItsOwnMigrations() throws Exception {
    Settings settings = Settings.load(Map.of("DATABASE_URL", RealServices.freshDatabaseUrl()), Path.of("no.env"));
    try (H2UsageLog usage = H2UsageLog.open(TypedSettings.parse(settings));
        H2Outbox outbox = H2Outbox.open(Database.postgres(settings.databaseUrl().get(), "o"), Redactor.defaults(),
            Clock.systemUTC());
        ExecutorTimer timer = new ExecutorTimer();
        BreakReminders reminders = BreakReminders.open(Database.postgres(settings.databaseUrl().get(), "s"),
            Clock.systemUTC(), timer, (k, t) -> true)) {
      usage.recordAnswer("a", "t", "n");
      assertEquals(1, usage.answersByTopic(java.time.Instant.EPOCH, 5).size());
      assertTrue(outbox.countByState(Instant.EPOCH).isEmpty());
      assertTrue(reminders.start("t/a", 15).isNew());
    }
    try (Database db = Database.postgres(settings.databaseUrl().get(), "check")) {
      // opened again: nothing to migrate, same versions
      assertEquals(2, db.migrate("escalation", "escalation_schema"));
      assertEquals(2, db.migrate("usage", "usage_schema"));
      assertEquals(1, db.migrate("shift", "break_reminder"));
    }
  }

  @Test
  void anOutboxFileMadeBeforeFlywayIsTakenAsVersionOneAndMigrated() throws Exception {
    String v1;
    try (var in = H2Outbox.class.getResourceAsStream("/db/escalation/V1__escalation.sql")) {
      v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("escalations"), "sa", "");
        Statement st = c.createStatement()) {
      for (String sql : v1.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          st.execute(sql);
        }
      }
      st.execute("CREATE TABLE escalation_schema (version INT NOT NULL)");
      st.execute("INSERT INTO escalation_schema VALUES (1)");
      st.execute("INSERT INTO escalation (created_at, agent_key, agent_id, ticket, note, answers, state, attempts,"
          + " next_attempt_at, agent_warned, resends) VALUES (CURRENT_TIMESTAMP, 'k', 'a', '1', '', '[]', 'SENDING',"
          + " 1, CURRENT_TIMESTAMP, FALSE, 0)");
      st.execute("SHUTDOWN");
    }
    try (H2Outbox outbox = H2Outbox.open(dir, Redactor.defaults(), Clock.systemUTC())) {
      assertEquals(State.UNCERTAIN, outbox.find(1).orElseThrow().state(), "the old row kept, interrupted");
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("escalations"), "sa", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM escalation WHERE lease_until IS NULL")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "V2 added the lease column");
    }
  }

  @Test
  void aPostgresServerDownAtStartIsReportedUnreachableWithoutFailing() {
    Settings settings = Settings.load(Map.of("DATABASE_URL", "postgres://u:p@127.0.0.1:1/none"), Path.of("no.env"));
    try (Database db = Database.postgres(settings.databaseUrl().get(), "down")) {
      assertTrue(!db.reachable());
      assertTrue(db.postgres());
    }
  }

}
