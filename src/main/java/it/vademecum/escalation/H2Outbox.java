package it.vademecum.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.vademecum.assistant.Agent;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.privacy.Redactor;
import it.vademecum.store.Database;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox in its own embedded H2 file, {@code DATA_DIR/escalations.mv.db} (exclusive lock: one
 * server at a time). Plain SQL that also runs on PostgreSQL. {@code WRITE_DELAY=0}: a commit is
 * handed to the operating system before it returns, so a killed process (kill -9) loses nothing
 * that was acknowledged. The agent's note and answers are redacted here, before the INSERT.
 */
public final class H2Outbox implements Outbox, EscalationStats {

  public static final String FILE_NAME = "escalations";
  static final int NOTICE_MAX_ATTEMPTS = 20;
  private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private static final Logger LOG = LoggerFactory.getLogger(H2Outbox.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "id, created_at, agent_key, agent_id, agent_name, agent_upn, topic_id,"
      + " topic_title, step_id, step, reason, ticket, note, answers, state, attempts, problem, conversation_id,"
      + " activity_id, posted_at, taken_by, taken_at, resends";

  /** How long a sender owns an escalation it is posting; past it, the post is taken as interrupted. */
  static final Duration LEASE = Duration.ofMinutes(2);

  private final Database db;
  private final DataSource pool;
  private final Redactor redactor;
  private final Clock clock;
  private final Path file;
  private final Duration lease;
  private final References references;

  private H2Outbox(Database db, Path file, Redactor redactor, Clock clock, Duration lease) {
    this.lease = lease;
    this.db = db;
    this.pool = db.dataSource();
    this.file = file;
    this.redactor = redactor;
    this.clock = clock;
    this.references = new H2References(db, clock);
  }

  /**
   * Opens (creating if needed) the outbox in {@code dataDir}. Escalations left SENDING by a
   * previous process become UNCERTAIN: their post may or may not have reached Teams.
   */
  public static H2Outbox open(Path dataDir, Redactor redactor, Clock clock) {
    Path base = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    try {
      StoreFiles.createPrivateDirectories(base.getParent());
    } catch (IOException e) {
      throw new OutboxException("cannot create " + base.getParent() + ": " + e.getMessage(), e);
    }
    Database db;
    try {
      db = StoreFiles.openH2(base, ";WRITE_DELAY=0", true);
    } catch (SQLException e) {
      throw new OutboxException(StoreFiles.openProblem("the escalation outbox", base, e), e);
    }
    H2Outbox outbox = open(db, Path.of(base + ".mv.db"), redactor, clock, LEASE);
    StoreFiles.restrict(base);
    return outbox;
  }

  /**
   * Opens the outbox in a shared database (PostgreSQL behind several instances), which it closes.
   * Escalations whose sender's lease ran out (that instance stopped mid-post) become UNCERTAIN;
   * those another live instance is posting are left to it.
   */
  public static H2Outbox open(Database db, Redactor redactor, Clock clock) {
    return open(db, redactor, clock, LEASE);
  }

  /** The same with another lease: longer than any post can take (its timeouts), shorter for the soak. */
  public static H2Outbox open(Database db, Redactor redactor, Clock clock, Duration lease) {
    return open(db, null, redactor, clock, lease);
  }

  private static H2Outbox open(Database db, Path file, Redactor redactor, Clock clock, Duration lease) {
    H2Outbox outbox = new H2Outbox(db, file, redactor, clock, lease);
    try {
      db.migrate("escalation", "escalation_schema");
      // An H2 file is this process's alone: whatever was SENDING belonged to the process before.
      outbox.interrupted(db.postgres() ? clock.instant() : END_OF_TIME);
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw new OutboxException("cannot open the escalation outbox " + db.display(), e);
    }
    LOG.info("Escalation outbox {} open", db.display());
    return outbox;
  }

  /**
   * Escalations left SENDING past their lease (their sender stopped while posting) become
   * UNCERTAIN: the post may or may not have reached Teams, so a person decides. Returns how many.
   */
  @Override
  public int expireLeases() {
    return interrupted(clock.instant());
  }

  private int interrupted(Instant leasesBefore) {
    int interrupted = update("UPDATE escalation SET state = 'UNCERTAIN', last_error = ?"
        + " WHERE state = 'SENDING' AND (lease_until IS NULL OR lease_until < ?)", ps -> {
          ps.setString(1, "interrotto durante l'invio");
          ps.setObject(2, time(leasesBefore));
        });
    if (interrupted > 0) {
      LOG.warn("{} escalation(s) were being posted when their sender stopped: marked uncertain", interrupted);
    }
    return interrupted;
  }

  /** Where the outbox is: the H2 file, or the shared database's address. */
  public String location() {
    return db.display();
  }

  public Path file() {
    return file;
  }

  // ---- writing ----------------------------------------------------------------------------------

  @Override
  public EscalationRequest redacted(EscalationRequest request) {
    return request.redacted(redactor::redact);
  }

  @Override
  public Escalation enqueue(Agent agent, EscalationRequest request) {
    Instant now = clock.instant();
    EscalationRequest safe = redacted(request);
    List<String> answers = safe.answers();
    String note = safe.note();
    String answersJson;
    try {
      answersJson = JSON.writeValueAsString(answers);
    } catch (JsonProcessingException e) {
      throw new OutboxException("cannot encode answers", e);
    }
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO escalation (created_at, agent_key, agent_id, agent_name, agent_upn, topic_id, topic_title,"
            + " step_id, step, reason, ticket, note, answers, state, attempts, next_attempt_at, agent_warned, resends)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, FALSE, 0)",
        Statement.RETURN_GENERATED_KEYS)) {
      ps.setObject(1, time(now));
      ps.setString(2, cut(agent.key(), 300));
      ps.setString(3, cut(agent.id() == null ? "-" : agent.id(), 200));
      ps.setString(4, cut(agent.name(), 200));
      ps.setString(5, cut(agent.upn(), 300));
      ps.setString(6, cut(request.topicId(), 200));
      ps.setString(7, cut(request.topicTitle(), 500));
      ps.setString(8, cut(request.stepId(), 200));
      ps.setString(9, cut(request.step(), 4000));
      ps.setString(10, cut(request.reason(), 1000));
      ps.setString(11, cut(request.ticket(), 100));
      ps.setString(12, cut(note, 2000));
      ps.setString(13, answersJson.length() > 16000 ? "[]" : answersJson);
      ps.setObject(14, time(now));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        return find(id).orElseThrow();
      }
    } catch (SQLException e) {
      throw new OutboxException("cannot store the escalation (SQL state " + e.getSQLState() + ")", e);
    }
  }

  @Override
  public Optional<Escalation> claim(long id) {
    int n = update("UPDATE escalation SET state = 'SENDING', attempts = attempts + 1, lease_until = ?"
        + " WHERE id = ? AND state = 'PENDING'", ps -> {
          ps.setObject(1, time(clock.instant().plus(lease)));
          ps.setLong(2, id);
        });
    return n == 1 ? find(id) : Optional.empty();
  }

  @Override
  public boolean posted(long id, String conversationId, String activityId) {
    Instant now = clock.instant();
    return transaction(c -> {
      int n = update(c, "UPDATE escalation SET state = 'POSTED', conversation_id = ?, activity_id = ?, posted_at = ?,"
          + " problem = NULL, last_error = NULL WHERE id = ? AND state = 'SENDING'", ps -> {
            ps.setString(1, cut(conversationId, 500));
            ps.setString(2, cut(activityId, 300));
            ps.setObject(3, time(now));
            ps.setLong(4, id);
          });
      if (n == 1) {
        Escalation e = find(c, id).orElseThrow();
        notice(c, e, EscalationTexts.posted(id, e.request().ticket()), now);
      }
      return n == 1;
    });
  }

  @Override
  public boolean retryLater(long id, Instant next, String error) {
    return update("UPDATE escalation SET state = 'PENDING', next_attempt_at = ?, last_error = ?, problem = NULL"
        + " WHERE id = ? AND state = 'SENDING'", ps -> {
          ps.setObject(1, time(next));
          ps.setString(2, cut(error, 300));
          ps.setLong(3, id);
        }) == 1;
  }

  @Override
  public boolean blocked(long id, Instant next, String problem) {
    Instant now = clock.instant();
    return transaction(c -> {
      int n = update(c, "UPDATE escalation SET state = 'PENDING', next_attempt_at = ?, last_error = ?, problem = ?"
          + " WHERE id = ? AND state = 'SENDING'", ps -> {
            ps.setObject(1, time(next));
            ps.setString(2, cut(problem, 300));
            ps.setString(3, cut(problem, 300));
            ps.setLong(4, id);
          });
      if (n == 1 && update(c, "UPDATE escalation SET agent_warned = TRUE WHERE id = ? AND agent_warned = FALSE",
          ps -> ps.setLong(1, id)) == 1) {
        Escalation e = find(c, id).orElseThrow();
        notice(c, e, EscalationTexts.blocked(id, e.request().ticket()), now);
      }
      return n == 1;
    });
  }

  /** Marks a post whose outcome is unknown and tells the agent it is being checked. */
  @Override
  public boolean uncertain(long id, String error) {
    Instant now = clock.instant();
    return transaction(c -> {
      int n = update(c, "UPDATE escalation SET state = 'UNCERTAIN', last_error = ? WHERE id = ? AND state = 'SENDING'",
          ps -> {
            ps.setString(1, cut(error, 300));
            ps.setLong(2, id);
          });
      if (n == 1) {
        Escalation e = find(c, id).orElseThrow();
        notice(c, e, EscalationTexts.uncertain(id, e.request().ticket()), now);
      }
      return n == 1;
    });
  }

  @Override
  public boolean resend(long id) {
    Instant now = clock.instant();
    return update("UPDATE escalation SET state = 'PENDING', resends = resends + 1, next_attempt_at = ?,"
        + " last_error = NULL WHERE id = ? AND state = 'UNCERTAIN'", ps -> {
          ps.setObject(1, time(now));
          ps.setLong(2, id);
        }) == 1;
  }

  @Override
  public Take take(long id, String leadId, String leadName, String conversationId, String activityId) {
    Instant now = clock.instant();
    return transaction(c -> {
      int n = update(c, "UPDATE escalation SET state = 'TAKEN', taken_by = ?, taken_by_id = ?, taken_at = ?,"
          + " conversation_id = COALESCE(conversation_id, ?), activity_id = COALESCE(activity_id, ?),"
          + " posted_at = COALESCE(posted_at, ?), problem = NULL WHERE id = ? AND state <> 'TAKEN'", ps -> {
            ps.setString(1, cut(leadName, 200));
            ps.setString(2, cut(leadId, 200));
            ps.setObject(3, time(now));
            ps.setString(4, cut(conversationId, 500));
            ps.setString(5, cut(activityId, 300));
            ps.setObject(6, time(now));
            ps.setLong(7, id);
          });
      Optional<Escalation> e = find(c, id);
      if (e.isEmpty()) {
        return new Take(false, null);
      }
      if (n == 1) {
        notice(c, e.get(), EscalationTexts.taken(id, e.get().request().ticket(), leadName, now), now);
      }
      return new Take(n == 1, e.get());
    });
  }

  private void notice(Connection c, Escalation e, String text, Instant now) throws SQLException {
    update(c, "INSERT INTO escalation_notice (escalation_id, agent_key, text, created_at, next_attempt_at, attempts,"
        + " dropped) VALUES (?, ?, ?, ?, ?, 0, FALSE)", ps -> {
          ps.setLong(1, e.id());
          ps.setString(2, e.agentKey());
          ps.setString(3, cut(text, 1000));
          ps.setObject(4, time(now));
          ps.setObject(5, time(now));
        });
  }

  @Override
  public List<Notice> dueNotices(Instant now, int max) {
    List<Notice> due = query("SELECT id, escalation_id, agent_key, text, attempts FROM escalation_notice"
        + " WHERE sent_at IS NULL AND dropped = FALSE AND next_attempt_at <= ?"
        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY id LIMIT ?", ps -> {
          ps.setObject(1, time(now));
          ps.setObject(2, time(now));
          ps.setInt(3, max);
        }, rs -> new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
    // Each notice is sent by the instance that leases it: another instance polling at once skips it.
    return due.stream().filter(n -> update("UPDATE escalation_notice SET lease_until = ? WHERE id = ?"
        + " AND sent_at IS NULL AND (lease_until IS NULL OR lease_until < ?)", ps -> {
          ps.setObject(1, time(now.plus(lease)));
          ps.setLong(2, n.id());
          ps.setObject(3, time(now));
        }) == 1).toList();
  }

  @Override
  public void noticeSent(long noticeId) {
    update("UPDATE escalation_notice SET sent_at = ? WHERE id = ?", ps -> {
      ps.setObject(1, time(clock.instant()));
      ps.setLong(2, noticeId);
    });
  }

  @Override
  public void noticeFailed(long noticeId, Instant next) {
    update("UPDATE escalation_notice SET attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL,"
        + " dropped = (attempts + 1 >= ?) WHERE id = ?", ps -> {
          ps.setObject(1, time(next));
          ps.setInt(2, NOTICE_MAX_ATTEMPTS);
          ps.setLong(3, noticeId);
        });
  }

  // ---- references (kept by H2References, in the same database) ---------------------------------

  @Override
  public void put(String kind, String key, String value) {
    references.put(kind, key, value);
  }

  @Override
  public Optional<String> get(String kind, String key) {
    return references.get(kind, key);
  }

  @Override
  public Optional<String> latest(String kind) {
    return references.latest(kind);
  }

  // ---- reading ----------------------------------------------------------------------------------

  @Override
  public Optional<Escalation> find(long id) {
    try (Connection c = pool.getConnection()) {
      return find(c, id);
    } catch (SQLException e) {
      throw new OutboxException("cannot read the outbox", e);
    }
  }

  private Optional<Escalation> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM escalation WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public List<Escalation> ofAgent(String agentKey, int max) {
    return query("SELECT " + COLUMNS + " FROM escalation WHERE agent_key = ? ORDER BY id DESC LIMIT ?", ps -> {
      ps.setString(1, agentKey);
      ps.setInt(2, max);
    }, H2Outbox::row);
  }

  @Override
  public List<Escalation> due(Instant now, int max) {
    return query("SELECT " + COLUMNS + " FROM escalation WHERE state = 'PENDING' AND next_attempt_at <= ?"
        + " ORDER BY next_attempt_at, id LIMIT ?", ps -> {
          ps.setObject(1, time(now));
          ps.setInt(2, max);
        }, H2Outbox::row);
  }

  /** When the next pending escalation is due, if any. */
  public Optional<Instant> nextDue() {
    return query("SELECT MIN(next_attempt_at) FROM escalation WHERE state = 'PENDING'", ps -> { },
        rs -> rs.getObject(1, OffsetDateTime.class)).stream().filter(t -> t != null)
        .map(OffsetDateTime::toInstant).findFirst();
  }

  @Override
  public List<OpenEscalation> open() {
    Instant now = clock.instant();
    return query("SELECT " + COLUMNS + " FROM escalation WHERE state <> 'TAKEN' ORDER BY id", ps -> { }, H2Outbox::row)
        .stream().map(e -> new OpenEscalation(e.id(), e.createdAt(), Duration.between(e.createdAt(), now),
            e.agentLabel(), e.request().topicTitle(), e.request().ticket(), e.state(), e.attempts(), e.problem()))
        .toList();
  }

  @Override
  public java.util.Map<State, Long> countByState(Instant since) {
    return countByState(since, END_OF_TIME);
  }

  @Override
  public java.util.Map<State, Long> countByState(Instant from, Instant to) {
    java.util.Map<State, Long> out = new java.util.EnumMap<>(State.class);
    query("SELECT state, COUNT(*) FROM escalation WHERE created_at >= ? AND created_at < ? GROUP BY state", ps -> {
      ps.setObject(1, time(from));
      ps.setObject(2, time(to));
    }, rs -> out.put(State.valueOf(rs.getString(1)), rs.getLong(2)));
    return out;
  }

  @Override
  public List<TakeOver> takeOvers(Instant from, Instant to) {
    return query("SELECT created_at, taken_at FROM escalation WHERE state = 'TAKEN' AND taken_at >= ? AND taken_at < ?"
        + " ORDER BY taken_at, id", ps -> {
          ps.setObject(1, time(from));
          ps.setObject(2, time(to));
        }, rs -> new TakeOver(instant(rs, "created_at"), instant(rs, "taken_at")));
  }

  /**
   * Retention: escalations taken before {@code before} keep only a count per day and topic; sent or
   * dropped notices before it are deleted. Returns how many escalations were folded into counts.
   */
  public int purge(Instant before) {
    return transaction(c -> {
      update(c, "MERGE INTO escalation_count t USING (SELECT CAST(taken_at AS DATE) AS count_day,"
          + " COALESCE(topic_id, '-') AS topic_id, COUNT(*) AS n FROM escalation WHERE state = 'TAKEN' AND taken_at < ?"
          + " GROUP BY CAST(taken_at AS DATE), COALESCE(topic_id, '-')) s ON t.count_day = s.count_day AND t.topic_id = s.topic_id"
          + " WHEN MATCHED THEN UPDATE SET n = t.n + s.n"
          + " WHEN NOT MATCHED THEN INSERT (count_day, topic_id, n) VALUES (s.count_day, s.topic_id, s.n)",
          ps -> ps.setObject(1, time(before)));
      int n = update(c, "DELETE FROM escalation WHERE state = 'TAKEN' AND taken_at < ?",
          ps -> ps.setObject(1, time(before)));
      update(c, "DELETE FROM escalation_notice WHERE (sent_at IS NOT NULL OR dropped = TRUE) AND created_at < ?",
          ps -> ps.setObject(1, time(before)));
      return n;
    });
  }

  @Override
  public void close() {
    db.close();
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  private static Escalation row(ResultSet rs) throws SQLException {
    List<String> answers;
    try {
      answers = JSON.readValue(rs.getString("answers"), new TypeReference<List<String>>() { });
    } catch (IOException e) {
      answers = List.of();
    }
    EscalationRequest request = new EscalationRequest(rs.getString("topic_id"), rs.getString("topic_title"),
        rs.getString("step_id"), rs.getString("step"), rs.getString("reason"), rs.getString("ticket"),
        rs.getString("note"), answers);
    return new Escalation(rs.getLong("id"), instant(rs, "created_at"), rs.getString("agent_key"),
        rs.getString("agent_id"), rs.getString("agent_name"), rs.getString("agent_upn"), request,
        State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("problem"),
        rs.getString("conversation_id"), rs.getString("activity_id"), instant(rs, "posted_at"),
        rs.getString("taken_by"), instant(rs, "taken_at"), rs.getInt("resends"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime time(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    void accept(T t) throws SQLException;
  }

  @FunctionalInterface
  private interface SqlFunction<T, R> {
    R apply(T t) throws SQLException;
  }

  private int update(String sql, SqlWork<PreparedStatement> bind) {
    try (Connection c = pool.getConnection()) {
      return update(c, sql, bind);
    } catch (SQLException e) {
      throw new OutboxException("outbox write failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private static int update(Connection c, String sql, SqlWork<PreparedStatement> bind) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind.accept(ps);
      return ps.executeUpdate();
    }
  }

  private <R> List<R> query(String sql, SqlWork<PreparedStatement> bind, SqlFunction<ResultSet, R> map) {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind.accept(ps);
      List<R> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map.apply(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new OutboxException("outbox read failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private <R> R transaction(SqlFunction<Connection, R> work) {
    try {
      return db.transaction(work::apply);
    } catch (SQLException e) {
      throw new OutboxException("outbox transaction failed (SQL state " + e.getSQLState() + ")", e);
    }
  }
}
