package it.vademecum.escalation;

import it.vademecum.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The conversation references and the channel route, table {@code escalation_reference} of the
 * outbox's database (created by its migrations): the last writer of a kind and key wins. The
 * database belongs to the {@link H2Outbox}, which closes it.
 */
final class H2References implements References {

  private static final int KEY_MAX = 500;

  private final DataSource pool;
  private final Clock clock;

  H2References(Database db, Clock clock) {
    this.pool = db.dataSource();
    this.clock = clock;
  }

  @Override
  public void put(String kind, String key, String value) {
    Instant now = clock.instant();
    if (write("UPDATE escalation_reference SET ref_value = ?, updated_at = ? WHERE kind = ? AND ref_key = ?",
        kind, key, value, now) == 1) {
      return;
    }
    try {
      write("INSERT INTO escalation_reference (ref_value, updated_at, kind, ref_key) VALUES (?, ?, ?, ?)",
          kind, key, value, now);
    } catch (OutboxException e) {
      // Written meanwhile by another turn: the last writer wins.
      write("UPDATE escalation_reference SET ref_value = ?, updated_at = ? WHERE kind = ? AND ref_key = ?",
          kind, key, value, now);
    }
  }

  @Override
  public Optional<String> get(String kind, String key) {
    return read("SELECT ref_value FROM escalation_reference WHERE kind = ? AND ref_key = ?", kind, cut(key));
  }

  @Override
  public Optional<String> latest(String kind) {
    return read("SELECT ref_value FROM escalation_reference WHERE kind = ? ORDER BY updated_at DESC LIMIT 1", kind);
  }

  private int write(String sql, String kind, String key, String value, Instant now) {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      ps.setObject(2, now.atOffset(ZoneOffset.UTC));
      ps.setString(3, kind);
      ps.setString(4, cut(key));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new OutboxException("outbox write failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private Optional<String> read(String sql, String... params) {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new OutboxException("outbox read failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private static String cut(String s) {
    return s == null || s.length() <= KEY_MAX ? s : s.substring(0, KEY_MAX);
  }
}
