package it.vademecum.shift;

import it.vademecum.assistant.Notifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import it.vademecum.store.StoreFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders of agents' breaks, kept in their own H2 file under DATA_DIR ({@code shift.mv.db})
 * so that a restart loses none: on open, pending reminders are armed again and overdue ones fire
 * at once. A reminder fires at most once: its row is deleted before the agent is told.
 * Thread-safe; close it at shutdown (pending rows stay for the next start).
 */
public final class BreakReminders implements AutoCloseable {

  public static final String FILE_NAME = "shift";
  private static final Logger LOG = LoggerFactory.getLogger(BreakReminders.class);

  private final JdbcConnectionPool pool;
  private final Clock clock;
  private final Timer timer;
  private final Notifier notifier;
  private final Map<String, Timer.Scheduled> armed = new HashMap<>();
  private boolean closed;

  /** A pending break: who, when it ends, and how long it was. */
  public record Pending(String agentKey, Instant due, int minutes) {}

  private BreakReminders(JdbcConnectionPool pool, Clock clock, Timer timer, Notifier notifier) {
    this.pool = pool;
    this.clock = clock;
    this.timer = timer;
    this.notifier = notifier;
  }

  /** Opens (creating) {@code dataDir/shift.mv.db} and arms every pending reminder again. */
  public static BreakReminders open(Path dataDir, Clock clock, Timer timer, Notifier notifier) {
    Path base = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    try {
      StoreFiles.createPrivateDirectories(base.getParent());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + base.getParent() + ": " + e.getMessage(), e);
    }
    StoreFiles.checkExisting(base);
    JdbcConnectionPool pool = JdbcConnectionPool.create(
        "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0", "sa", "");
    pool.setMaxConnections(4);
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      StoreFiles.requireWritable(c);
      st.execute("CREATE TABLE IF NOT EXISTS break_reminder (agent_key VARCHAR(512) PRIMARY KEY, "
          + "due_at BIGINT NOT NULL, minutes INT NOT NULL)");
    } catch (SQLException e) {
      pool.dispose();
      if (StoreFiles.damaged(e)) {
        throw StoreFiles.damagedFile(base, e);
      }
      throw new IllegalStateException(StoreFiles.openProblem("the shift database", base, e), e);
    }
    StoreFiles.restrict(base);
    BreakReminders reminders = new BreakReminders(pool, clock, timer, notifier);
    reminders.rearm();
    return reminders;
  }

  private void rearm() {
    int n = 0;
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT agent_key, due_at, minutes FROM break_reminder");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        arm(new Pending(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)));
        n++;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the pending breaks (SQL state " + e.getSQLState() + ")", e);
    }
    if (n > 0) {
      LOG.info("{} pending break reminder(s) armed again", n);
    }
  }

  /** The agent's pending break, if any. */
  public Optional<Pending> pending(String agentKey) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT due_at, minutes FROM break_reminder WHERE agent_key = ?")) {
      ps.setString(1, agentKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Pending(agentKey, Instant.ofEpochMilli(rs.getLong(1)), rs.getInt(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a pending break (SQL state " + e.getSQLState() + ")", e);
    }
  }

  /**
   * Starts a break of {@code minutes} now, unless one is pending: then that one is returned and
   * nothing changes.
   *
   * @return the break that is pending now, and whether it is new
   */
  public synchronized Started start(String agentKey, int minutes) {
    Optional<Pending> existing = pending(agentKey);
    if (existing.isPresent()) {
      return new Started(existing.get(), false);
    }
    Pending p = new Pending(agentKey, clock.instant().plus(Duration.ofMinutes(minutes)), minutes);
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO break_reminder (agent_key, due_at, minutes) VALUES (?, ?, ?)")) {
      ps.setString(1, agentKey);
      ps.setLong(2, p.due().toEpochMilli());
      ps.setInt(3, minutes);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store a break (SQL state " + e.getSQLState() + ")", e);
    }
    arm(p);
    return new Started(p, true);
  }

  public record Started(Pending pending, boolean isNew) {}

  /** Cancels the agent's pending break; false when there was none. */
  public synchronized boolean cancel(String agentKey) {
    Timer.Scheduled s = armed.remove(agentKey);
    if (s != null) {
      s.cancel();
    }
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM break_reminder WHERE agent_key = ?")) {
      ps.setString(1, agentKey);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot cancel a break (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private synchronized void arm(Pending p) {
    if (closed) {
      return;
    }
    Timer.Scheduled old = armed.put(p.agentKey(), timer.schedule(() -> fire(p),
        Duration.between(clock.instant(), p.due())));
    if (old != null) {
      old.cancel();
    }
  }

  private void fire(Pending p) {
    boolean mine;
    synchronized (this) {
      if (closed) {
        return;
      }
      armed.remove(p.agentKey());
      try (Connection c = pool.getConnection();
          PreparedStatement ps = c.prepareStatement(
              "DELETE FROM break_reminder WHERE agent_key = ? AND due_at = ?")) {
        ps.setString(1, p.agentKey());
        ps.setLong(2, p.due().toEpochMilli());
        mine = ps.executeUpdate() > 0;
      } catch (SQLException e) {
        LOG.warn("a break reminder could not be cleared (SQL state {})", e.getSQLState());
        return;
      }
    }
    if (!mine) {
      return;
    }
    try {
      if (!notifier.tell(p.agentKey(), endMessage(p.minutes()))) {
        LOG.warn("a break reminder could not be delivered: the agent's chat is not known");
      }
    } catch (RuntimeException e) {
      LOG.warn("a break reminder could not be delivered: {}", e.toString());
    }
  }

  /** What the agent reads when the break is over. */
  public static String endMessage(int minutes) {
    return "⏰ Sono passati " + minutes + " minuti: la tua pausa 626 è finita. Bentornato!";
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    armed.values().forEach(Timer.Scheduled::cancel);
    armed.clear();
    pool.dispose();
  }
}
