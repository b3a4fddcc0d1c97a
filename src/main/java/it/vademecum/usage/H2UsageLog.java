package it.vademecum.usage;

import it.vademecum.config.TypedSettings;
import it.vademecum.privacy.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import it.vademecum.store.StoreFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import it.vademecum.store.Database;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage log in an embedded H2 database file, {@code DATA_DIR/usage.mv.db}, or in the PostgreSQL
 * database of {@code DATABASE_URL}. Plain SQL that runs on both; the schema is migrated at open by
 * Flyway from {@code db/usage} (a file made before Flyway, with {@code usage_schema}, counts as V1).
 *
 * <p>Every text is redacted here, before the INSERT, so no caller can forget. What is older than
 * the retention period is deleted by {@link #purge}, which the server's
 * {@link it.vademecum.store.RetentionJob} calls for every store.
 * The H2 trace file is off, so no SQL with values is ever written beside the database.
 */
public final class H2UsageLog implements UsageLog {

  public static final ZoneId ROME = ZoneId.of("Europe/Rome");
  public static final String FILE_NAME = "usage";

  static final int SENTENCE_MAX = 1000;
  static final int REASON_MAX = 500;
  static final int ID_MAX = 200;

  private static final Logger LOG = LoggerFactory.getLogger(H2UsageLog.class);
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static final List<String> TABLES = List.of("usage_search", "usage_pick", "usage_answer", "usage_feedback");
  static final String SUGGESTIONS = "usage_suggestion";

  private final Database db;
  private final DataSource pool;
  private final Redactor redactor;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The connection of the batch running on this thread, if any (see {@link #batch}). */
  private final ThreadLocal<Connection> batchConnection = new ThreadLocal<>();
  private final Path file;

  private H2UsageLog(Database db, Path file, Redactor redactor, Clock clock) {
    this.db = db;
    this.pool = db.dataSource();
    this.file = file;
    this.redactor = redactor;
    this.clock = clock;
  }

  /** Opens (creating if needed) the store in DATABASE_URL, or under DATA_DIR, with the redaction settings. */
  public static H2UsageLog open(TypedSettings settings) {
    Redactor redactor = Redactor.from(settings.redaction());
    if (settings.shared().databaseUrl().isPresent()) {
      return open(Database.postgres(settings.shared().databaseUrl().get(), "usage"), redactor, Clock.systemUTC());
    }
    return open(settings.server().dataDir(), redactor, Clock.systemUTC(), true);
  }

  /** Opens the store in a shared database (PostgreSQL behind several instances), which it closes. */
  public static H2UsageLog open(Database db, Redactor redactor, Clock clock) {
    int version;
    try {
      version = db.migrate("usage", "usage_schema");
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw new UsageStoreException("cannot open the usage database " + db.display(), e, false);
    }
    H2UsageLog log = new H2UsageLog(db, null, redactor, clock);
    LOG.info("Usage store {} open (schema v{})", db.display(), version);
    return log;
  }

  /**
   * Opens the store in {@code dataDir}.
   *
   * @param create whether to create the database when it does not exist yet; when false and it
   *     does not, throws {@link UsageStoreException}
   */
  public static H2UsageLog open(Path dataDir, Redactor redactor, Clock clock, boolean create) {
    Path base = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    if (!create && !exists(dataDir)) {
      throw new UsageStoreException("no usage database in " + dataDir);
    }
    try {
      StoreFiles.createPrivateDirectories(base.getParent());
    } catch (IOException e) {
      throw new UsageStoreException("cannot create " + base.getParent() + ": " + e.getMessage(), e, false);
    }
    Database db;
    int version;
    try {
      db = StoreFiles.openH2(base, create ? "" : ";IFEXISTS=TRUE", create);
    } catch (SQLException e) {
      boolean inUse = e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1;
      throw new UsageStoreException(StoreFiles.openProblem("the usage database", base, e), e, inUse);
    }
    try {
      version = db.migrate("usage", "usage_schema");
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw new UsageStoreException("cannot open the usage database " + base + ".mv.db", e, false);
    }
    StoreFiles.restrict(base);
    H2UsageLog log = new H2UsageLog(db, Path.of(base + ".mv.db"), redactor, clock);
    if (create) {
      LOG.info("Usage store {} open (schema v{})", log.file, version);
    } else {
      LOG.debug("Usage store {} open for reading (schema v{})", log.file, version);
    }
    return log;
  }

  /** Whether the database file exists in {@code dataDir}. */
  public static boolean exists(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve(FILE_NAME + ".mv.db"));
  }

  public Path file() {
    return file;
  }

  // ---- recording --------------------------------------------------------------------------------

  @Override
  public void recordSearch(String agentId, String text, Search search) {
    Search found = search == null ? Search.none() : search;
    String sentence = sentence(text);
    insert("search", "INSERT INTO usage_search (occurred_at, rome_hour, agent_id, sentence, sentence_key, verdict,"
        + " best_topic, best_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (ps, now) -> {
          ps.setString(3, id(agentId));
          ps.setString(4, sentence);
          ps.setString(5, key(sentence));
          ps.setString(6, found.verdict().name());
          if (found.bestTopic() == null) {
            ps.setNull(7, Types.VARCHAR);
            ps.setNull(8, Types.DOUBLE);
          } else {
            ps.setString(7, id(found.bestTopic()));
            ps.setDouble(8, found.bestScore());
          }
        });
  }

  @Override
  public void recordPick(String agentId, String topicId, String text) {
    String sentence = sentence(text);
    insert("pick", "INSERT INTO usage_pick (occurred_at, rome_hour, agent_id, topic_id, sentence, sentence_key)"
        + " VALUES (?, ?, ?, ?, ?, ?)", (ps, now) -> {
          ps.setString(3, id(agentId));
          ps.setString(4, id(topicId));
          ps.setString(5, sentence);
          ps.setString(6, key(sentence));
        });
  }

  @Override
  public void recordSuggestion(String agentId, String topicId, String text) {
    String sentence = sentence(text);
    if (sentence.isBlank() || topicId == null) {
      return;
    }
    if (closed.get()) {
      LOG.debug("Usage store closed: suggestion not recorded");
      return;
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    Connection bound = batchConnection.get();
    if (bound != null) {
      upsertSuggestion(bound, id(topicId), sentence, now);
      return;
    }
    try (Connection c = pool.getConnection()) {
      upsertSuggestion(c, id(topicId), sentence, now);
    } catch (SQLException | IllegalStateException e) {
      notRecorded("suggestion", e);
    }
  }

  /** One more occurrence of the sentence for the topic: plain UPDATE, then INSERT when there was none (portable). */
  private static void upsertSuggestion(Connection c, String topicId, String sentence, OffsetDateTime now) {
    try (PreparedStatement up = c.prepareStatement("UPDATE usage_suggestion SET occurrences = occurrences + 1,"
        + " last_at = ?, sentence = ? WHERE sentence_key = ? AND topic_id = ?")) {
      up.setObject(1, now);
      up.setString(2, sentence);
      up.setString(3, key(sentence));
      up.setString(4, topicId);
      if (up.executeUpdate() > 0) {
        return;
      }
      try (PreparedStatement in = c.prepareStatement("INSERT INTO usage_suggestion (topic_id, sentence, sentence_key,"
          + " occurrences, first_at, last_at, state) VALUES (?, ?, ?, 1, ?, ?, 'OPEN')")) {
        in.setString(1, topicId);
        in.setString(2, sentence);
        in.setString(3, key(sentence));
        in.setObject(4, now);
        in.setObject(5, now);
        in.executeUpdate();
      }
    } catch (SQLException e) {
      notRecorded("suggestion", e);
    }
  }

  @Override
  public void recordAnswer(String agentId, String topicId, String nodeId) {
    insert("answer", "INSERT INTO usage_answer (occurred_at, rome_hour, agent_id, topic_id, node_id)"
        + " VALUES (?, ?, ?, ?, ?)", (ps, now) -> {
          ps.setString(3, id(agentId));
          ps.setString(4, id(topicId));
          ps.setString(5, id(nodeId));
        });
  }

  @Override
  public void recordFeedback(String agentId, String topicId, String nodeId, boolean up, String reason) {
    String r = reason == null || reason.isBlank() ? null : truncate(redactor.redact(reason.strip()), REASON_MAX);
    insert("feedback", "INSERT INTO usage_feedback (occurred_at, rome_hour, agent_id, topic_id, node_id, thumbs_up,"
        + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)", (ps, now) -> {
          ps.setString(3, id(agentId));
          ps.setString(4, id(topicId));
          ps.setString(5, id(nodeId));
          ps.setBoolean(6, up);
          if (r == null) {
            ps.setNull(7, Types.VARCHAR);
          } else {
            ps.setString(7, r);
          }
        });
  }

  /** Redacted first, then cut: cutting first could split a number and leave half of it readable. */
  private String sentence(String text) {
    String redacted = redactor.redact(text == null ? "" : text.strip());
    return truncate(SPACES.matcher(redacted).replaceAll(" "), SENTENCE_MAX);
  }

  /** Grouping key: case and spacing do not make two sentences different. */
  static String key(String sentence) {
    return sentence.toLowerCase(Locale.ROOT).strip();
  }

  private static String id(String id) {
    return truncate(id == null ? "" : id, ID_MAX);
  }

  private static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private interface Binder {
    void bind(PreparedStatement ps, Instant now) throws SQLException;
  }

  /**
   * Runs the records in one transaction on one connection: one commit for many rows. A record that
   * fails is logged and skipped like any other; the rest still commit.
   */
  @Override
  public void batch(Runnable records) {
    if (closed.get()) {
      records.run();
      return;
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      batchConnection.set(c);
      try {
        records.run();
      } finally {
        batchConnection.remove();
      }
      c.commit();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("Usage store: batch not committed (SQL state {}, code {})", e.getSQLState(), e.getErrorCode());
    }
  }

  private void insert(String what, String sql, Binder binder) {
    if (closed.get()) {
      LOG.debug("Usage store closed: {} not recorded", what);
      return;
    }
    Instant now = clock.instant();
    Connection bound = batchConnection.get();
    if (bound != null) {
      execute(bound, what, sql, binder, now);
      return;
    }
    try (Connection c = pool.getConnection()) {
      execute(c, what, sql, binder, now);
    } catch (SQLException | IllegalStateException e) {
      notRecorded(what, e);
    }
  }

  /** One row on the given connection: time, Rome hour, then the record's own values. */
  private static void execute(Connection c, String what, String sql, Binder binder, Instant now) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      ps.setInt(2, now.atZone(ROME).getHour());
      binder.bind(ps, now);
      ps.executeUpdate();
    } catch (SQLException | IllegalStateException e) {
      notRecorded(what, e);
    }
  }

  private static void notRecorded(String what, Exception e) {
    // Never the exception's message: a database message may quote the values of the statement.
    LOG.warn("Usage store: {} not recorded ({}{})", what, e.getClass().getSimpleName(),
        e instanceof SQLException ? " SQL state " + ((SQLException) e).getSQLState()
            + ", code " + ((SQLException) e).getErrorCode() : "");
  }

  // ---- queries ------------------------------------------------------------------------------------

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String what, String sql, RowReader<T> reader, Object... params) {
    if (closed.get()) {
      throw new UsageStoreException("the usage store is closed");
    }
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof Instant) {
          ps.setObject(i + 1, OffsetDateTime.ofInstant((Instant) p, ZoneOffset.UTC));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new UsageStoreException("usage query '" + what + "' failed (SQL state " + e.getSQLState() + ")", e, false);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  @Override
  public List<UnmatchedSentence> unmatched(Instant from, Instant to, int limit) {
    return query("unmatched",
        "SELECT MAX(sentence) AS sentence,"
            + " SUM(CASE WHEN verdict = 'NONE' THEN 1 ELSE 0 END) AS no_topic,"
            + " SUM(CASE WHEN verdict = 'AMBIGUOUS' THEN 1 ELSE 0 END) AS ambiguous,"
            + " COUNT(*) AS n, MAX(occurred_at) AS last_at"
            + " FROM usage_search WHERE verdict IN ('NONE', 'AMBIGUOUS') AND occurred_at >= ? AND occurred_at < ?"
            + " GROUP BY sentence_key ORDER BY n DESC, last_at DESC, sentence_key LIMIT ?",
        rs -> new UnmatchedSentence(rs.getString("sentence"), rs.getLong("no_topic"), rs.getLong("ambiguous"),
            instant(rs, "last_at")),
        from, to, limit);
  }

  @Override
  public List<PickCount> picks(Instant since, int limit) {
    return query("picks",
        "SELECT MAX(sentence) AS sentence, topic_id, COUNT(*) AS n FROM usage_pick WHERE occurred_at >= ?"
            + " GROUP BY sentence_key, topic_id ORDER BY n DESC, MAX(occurred_at) DESC, topic_id LIMIT ?",
        rs -> new PickCount(rs.getString("sentence"), rs.getString("topic_id"), rs.getLong("n")), since, limit);
  }

  private static final String SUGGESTION_COLUMNS =
      "SELECT id, topic_id, sentence, occurrences, last_at, state, decided_by FROM usage_suggestion";

  private static Suggestion suggestionRow(ResultSet rs) throws SQLException {
    return new Suggestion(rs.getLong("id"), rs.getString("topic_id"), rs.getString("sentence"), rs.getLong("occurrences"),
        instant(rs, "last_at"), Suggestion.State.valueOf(rs.getString("state")), rs.getString("decided_by"));
  }

  @Override
  public List<Suggestion> openSuggestions(int perTopic) {
    List<Suggestion> all = query("open suggestions", SUGGESTION_COLUMNS
        + " WHERE state = 'OPEN' ORDER BY occurrences DESC, last_at DESC, id", H2UsageLog::suggestionRow);
    java.util.Map<String, List<Suggestion>> byTopic = new java.util.LinkedHashMap<>();
    for (Suggestion s : all) {
      List<Suggestion> list = byTopic.computeIfAbsent(s.topicId(), k -> new ArrayList<>());
      if (list.size() < perTopic) {
        list.add(s);
      }
    }
    List<Suggestion> out = new ArrayList<>();
    byTopic.values().forEach(out::addAll);
    return List.copyOf(out);
  }

  @Override
  public java.util.Optional<Suggestion> suggestion(long id) {
    return query("suggestion", SUGGESTION_COLUMNS + " WHERE id = ?", H2UsageLog::suggestionRow, id).stream().findFirst();
  }

  @Override
  public boolean decideSuggestion(long id, boolean accepted, String decidedBy) {
    if (closed.get()) {
      throw new UsageStoreException("the usage store is closed");
    }
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE usage_suggestion SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'OPEN'")) {
      ps.setString(1, accepted ? "ACCEPTED" : "REJECTED");
      ps.setString(2, id(decidedBy));
      ps.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      ps.setLong(4, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new UsageStoreException("suggestion decision failed (SQL state " + e.getSQLState() + ")", e, false);
    }
  }

  @Override
  public List<TopicCount> topicsStarted(Instant from, Instant to, int limit) {
    return query("topics started",
        "SELECT topic_id, COUNT(*) AS n FROM ("
            + " SELECT best_topic AS topic_id FROM usage_search WHERE verdict = 'CONFIDENT'"
            + " AND occurred_at >= ? AND occurred_at < ?"
            + " UNION ALL SELECT topic_id FROM usage_pick WHERE occurred_at >= ? AND occurred_at < ?) started"
            + " WHERE topic_id IS NOT NULL GROUP BY topic_id ORDER BY n DESC, topic_id LIMIT ?",
        rs -> new TopicCount(rs.getString("topic_id"), rs.getLong("n")), from, to, from, to, limit);
  }

  @Override
  public List<TopicCount> answersByTopic(Instant since, int limit) {
    return query("answers by topic",
        "SELECT topic_id, COUNT(*) AS n FROM usage_answer WHERE occurred_at >= ?"
            + " GROUP BY topic_id ORDER BY n DESC, topic_id LIMIT ?",
        rs -> new TopicCount(rs.getString("topic_id"), rs.getLong("n")), since, limit);
  }

  @Override
  public SearchOutcomes searchOutcomes(Instant from, Instant to) {
    return query("search outcomes",
        "SELECT COUNT(*) AS n,"
            + " COALESCE(SUM(CASE WHEN verdict = 'NONE' THEN 1 ELSE 0 END), 0) AS no_topic,"
            + " COALESCE(SUM(CASE WHEN verdict = 'AMBIGUOUS' THEN 1 ELSE 0 END), 0) AS ambiguous"
            + " FROM usage_search WHERE occurred_at >= ? AND occurred_at < ?",
        rs -> new SearchOutcomes(rs.getLong("n"), rs.getLong("no_topic"), rs.getLong("ambiguous")), from, to).get(0);
  }

  @Override
  public List<FeedbackCount> feedback(Instant from, Instant to) {
    return query("feedback",
        "SELECT topic_id, node_id,"
            + " SUM(CASE WHEN thumbs_up THEN 1 ELSE 0 END) AS up,"
            + " SUM(CASE WHEN thumbs_up THEN 0 ELSE 1 END) AS down"
            + " FROM usage_feedback WHERE occurred_at >= ? AND occurred_at < ?"
            + " GROUP BY topic_id, node_id ORDER BY down DESC, up DESC, topic_id, node_id",
        rs -> new FeedbackCount(rs.getString("topic_id"), rs.getString("node_id"), rs.getLong("up"),
            rs.getLong("down")), from, to);
  }

  @Override
  public List<FeedbackReason> feedbackReasons(Instant from, Instant to, int limit) {
    return query("feedback reasons",
        "SELECT occurred_at, topic_id, node_id, reason FROM usage_feedback"
            + " WHERE occurred_at >= ? AND occurred_at < ? AND thumbs_up = FALSE AND reason IS NOT NULL"
            + " ORDER BY occurred_at DESC, id DESC LIMIT ?",
        rs -> new FeedbackReason(instant(rs, "occurred_at"), rs.getString("topic_id"), rs.getString("node_id"),
            rs.getString("reason")), from, to, limit);
  }

  @Override
  public List<HourCount> busiestHours(Instant from, Instant to) {
    long[] counts = new long[24];
    query("busiest hours",
        "SELECT rome_hour, COUNT(*) AS n FROM usage_search WHERE occurred_at >= ? AND occurred_at < ?"
            + " GROUP BY rome_hour",
        rs -> counts[rs.getInt("rome_hour")] = rs.getLong("n"), from, to);
    List<HourCount> hours = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      hours.add(new HourCount(h, counts[h]));
    }
    return List.copyOf(hours);
  }

  // ---- retention ----------------------------------------------------------------------------------

  @Override
  public int purge(Instant cutoff) {
    if (closed.get()) {
      return 0;
    }
    int deleted = 0;
    try (Connection c = pool.getConnection()) {
      for (String table : TABLES) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE occurred_at < ?")) {
          ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
          deleted += ps.executeUpdate();
        }
      }
      // Open suggestions nobody saw again within the retention period; decided ones stay.
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + SUGGESTIONS
          + " WHERE state = 'OPEN' AND last_at < ?")) {
        ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        deleted += ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new UsageStoreException("usage purge failed (SQL state " + e.getSQLState() + ")", e, false);
    }
    return deleted;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    db.close();
    LOG.debug("Usage store {} closed", db.display());
  }
}
