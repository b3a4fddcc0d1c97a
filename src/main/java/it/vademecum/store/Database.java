package it.vademecum.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import it.vademecum.config.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One relational database behind a HikariCP pool: an embedded H2 file (one instance) or a
 * PostgreSQL server (shared by every instance). Each store migrates its own tables with Flyway from
 * {@code db/<store>/V*.sql}, SQL that runs unchanged on both engines, and keeps its own history
 * table ({@code <store>_flyway}), so several stores can share one PostgreSQL database.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final boolean postgres;
  private final String display;

  private Database(HikariDataSource pool, boolean postgres, String display) {
    this.pool = pool;
    this.postgres = postgres;
    this.display = display;
  }

  /** The H2 file {@code base}.mv.db, created when absent; {@code extra} are H2 URL settings (";K=V"). */
  public static Database h2(Path base, String extra) throws SQLException {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0" + extra);
    c.setUsername("sa");
    c.setPassword("");
    c.setMaximumPoolSize(16);
    c.setMinimumIdle(1);
    c.setPoolName("h2-" + base.getFileName());
    try {
      return new Database(new HikariDataSource(c), false, base + ".mv.db");
    } catch (HikariPool.PoolInitializationException e) {
      throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
    }
  }

  /** A PostgreSQL server; the pool waits for it at most {@code connectTimeoutMillis} per connection. */
  public static Database postgres(DatabaseUrl url, String poolName) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      c.setUsername(url.user());
    }
    if (url.password() != null) {
      c.setPassword(url.password());
    }
    c.setMaximumPoolSize(10);
    c.setMinimumIdle(1);
    c.setConnectionTimeout(3_000);
    c.setValidationTimeout(1_000);
    c.setPoolName(poolName);
    // Start even when the server is down for now: the stores retry, /healthz says degraded.
    c.setInitializationFailTimeout(-1);
    return new Database(new HikariDataSource(c), true, url.display());
  }

  public DataSource dataSource() {
    return pool;
  }

  public boolean postgres() {
    return postgres;
  }

  /** Where it is, without any password. */
  public String display() {
    return display;
  }

  /**
   * Applies the store's pending migrations ({@code classpath:db/<store>}) and returns the schema
   * version. A file made before Flyway, holding {@code legacyVersionTable}, is taken as being at V1.
   */
  public int migrate(String store, String legacyVersionTable) throws SQLException {
    boolean legacy = legacyVersionTable != null && hasTable(legacyVersionTable) && !hasTable(store + "_flyway");
    // The other stores' tables may share the schema (one PostgreSQL database for all): a store
    // without its history table yet starts from version 0, unless its tables predate Flyway.
    Flyway flyway = Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/" + store)
        .table(store + "_flyway")
        .baselineOnMigrate(true)
        .baselineVersion(legacy ? "1" : "0")
        .baselineDescription(legacy ? "schema made before Flyway" : "empty")
        .load();
    flyway.migrate();
    var current = flyway.info().current();
    return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
  }

  private boolean hasTable(String name) throws SQLException {
    try (Connection c = pool.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String n : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
        try (ResultSet rs = meta.getTables(null, null, n, new String[] {"TABLE"})) {
          if (rs.next()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** True when a connection answers now. */
  public boolean reachable() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <R> R transaction(SqlFunction<Connection, R> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        R r = work.apply(c);
        c.commit();
        return r;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** A unit of SQL work. */
  @FunctionalInterface
  public interface SqlFunction<T, R> {
    R apply(T t) throws SQLException;
  }

  @Override
  public void close() {
    if (!postgres) {
      try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already closed or never opened
      }
    }
    pool.close();
  }
}
