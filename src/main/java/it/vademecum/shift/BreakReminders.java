package it.vademecum.shift;

import it.vademecum.assistant.Notifier;
import it.vademecum.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import it.vademecum.store.StoreFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders of agents' breaks, kept in their own H2 file under DATA_DIR ({@code shift.mv.db})
 * or in the PostgreSQL database every instance shares, so that a restart loses none: on open,
 * pending reminders are armed again and overdue ones fire at once. A reminder fires at most once:
 * its row is deleted before the agent is told, and only the instance whose delete took it speaks.
 * On a shared database each instance also looks for reminders due soon every {@link #SHARED_POLL},
 * so a break set on an instance that is down by then still ends with its reminder.
 * Thread-safe; close it at shutdown (pending rows stay for the next start).
 */
public final class BreakReminders implements AutoCloseable {

  public static final String FILE_NAME = "shift";
  private static final Logger LOG = LoggerFactory.getLogger(BreakReminders.class);

  /** How often an instance on a shared database arms the reminders other instances set. */
  static final Duration SHARED_POLL = Duration.ofSeconds(10);

  private final Database db;
  private final DataSource pool;
  private final Clock clock;
  private final Timer timer;
  private final Notifier notifier;
  private final Map<String, Timer.Scheduled> armed = new HashMap<>();
  private final Map<String, Instant> armedAt = new HashMap<>();
  private Timer.Scheduled poller;
  private boolean closed;

  /** A pending break: who, when it ends, and how long it was. */
  public record Pending(String agentKey, Instant due, int minutes) {}

  private BreakReminders(Database db, Clock clock, Timer timer, Notifier notifier) {
    this.db = db;
    this.pool = db.dataSource();
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
    Database db;
    try {
      db = StoreFiles.openH2(base, "", true);
    } catch (SQLException e) {
      throw new IllegalStateException(StoreFiles.openProblem("the shift database", base, e), e);
    }
    BreakReminders reminders = open(db, clock, timer, notifier);
    StoreFiles.restrict(base);
    return reminders;
  }

  /**
   * Opens the reminders in {@code db} (which it closes), migrating its table, and arms every
   * pending one; on PostgreSQL it also polls for those set by other instances.
   */
  public static BreakReminders open(Database db, Clock clock, Timer timer, Notifier notifier) {
    try {
      db.migrate("shift", "break_reminder");
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw new IllegalStateException("cannot open the shift database " + db.display(), e);
    }
    BreakReminders reminders = new BreakReminders(db, clock, timer, notifier);
    reminders.rearm();
    if (db.postgres()) {
      reminders.pollShared();
    }
    return reminders;
  }

  private void pollShared() {
    Timer.Scheduled next = timer.schedule(() -> {
      try {
        rearm();
      } catch (IllegalStateException e) {
        LOG.warn("pending breaks not read: {}", e.getMessage());
      }
      synchronized (this) {
        if (!closed) {
          pollShared();
        }
      }
    }, SHARED_POLL);
    synchronized (this) {
      if (closed) {
        next.cancel();
      } else {
        poller = next;
      }
    }
  }

  private void rearm() {
    int n = 0;
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT agent_key, due_at, minutes FROM break_reminder");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (arm(new Pending(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)))) {
          n++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the pending breaks (SQL state " + e.getSQLState() + ")", e);
    }
    if (n > 0) {
      LOG.info("{} pending break reminder(s) armed", n);
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
      if ("23505".equals(e.getSQLState())) { // started on another instance a moment ago
        Optional<Pending> other = pending(agentKey);
        if (other.isPresent()) {
          return new Started(other.get(), false);
        }
      }
      throw new IllegalStateException("cannot store a break (SQL state " + e.getSQLState() + ")", e);
    }
    arm(p);
    return new Started(p, true);
  }

  public record Started(Pending pending, boolean isNew) {}

  /** Cancels the agent's pending break; false when there was none. */
  public synchronized boolean cancel(String agentKey) {
    Timer.Scheduled s = armed.remove(agentKey);
    armedAt.remove(agentKey);
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

  /** Arms the reminder unless it is armed already; true when it was not. */
  private synchronized boolean arm(Pending p) {
    if (closed || p.due().equals(armedAt.get(p.agentKey()))) {
      return false;
    }
    armedAt.put(p.agentKey(), p.due());
    Timer.Scheduled old = armed.put(p.agentKey(), timer.schedule(() -> fire(p),
        Duration.between(clock.instant(), p.due())));
    if (old != null) {
      old.cancel();
    }
    return true;
  }

  private void fire(Pending p) {
    boolean mine;
    synchronized (this) {
      if (closed) {
        return;
      }
      armed.remove(p.agentKey());
      armedAt.remove(p.agentKey());
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
    armedAt.clear();
    if (poller != null) {
      poller.cancel();
    }
    db.close();
  }
}
