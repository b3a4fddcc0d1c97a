package it.vademecum.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The embedded databases' files under DATA_DIR: folders created 700 and files kept 600 (they hold
 * agents' names, UPNs and conversation references), and an existing file checked before H2 opens
 * it, since H2 takes an empty file for a new database and a truncated one for an older version.
 */
public final class StoreFiles {

  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  /** What H2 puts next to {@code name.mv.db}. */
  private static final String[] SUFFIXES = {".mv.db", ".trace.db", ".lock.db", ".mv.db.tempFile"};

  private StoreFiles() {}

  /** Creates {@code dir} and its missing parents, each 700 (left as they are when they exist). */
  public static void createPrivateDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      if (posix(parent)) {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
    }
  }

  /** The store's files ({@code base.mv.db} and the ones H2 keeps beside it) readable by the owner only. */
  public static void restrict(Path base) {
    for (String suffix : SUFFIXES) {
      Path f = Path.of(base + suffix);
      try {
        if (Files.isRegularFile(f) && posix(f)) {
          Files.setPosixFilePermissions(f, OWNER_FILE);
        }
      } catch (IOException | UnsupportedOperationException e) {
        // not ours to change (another owner): the folder's 700 still keeps others out
      }
    }
  }

  /**
   * Before H2 opens {@code base.mv.db}: nothing when it does not exist yet (a first start);
   * otherwise it must be readable, not empty, an H2 file, and (when it was closed cleanly) as new
   * as its header says, or else a {@link DamagedStoreException}.
   */
  public static void checkExisting(Path base) {
    Path file = Path.of(base + ".mv.db");
    if (!Files.exists(file)) {
      return;
    }
    try {
      if (!Files.isRegularFile(file)) {
        throw new DamagedStoreException(file, "is not a regular file", null);
      }
      if (Files.size(file) == 0) {
        throw new DamagedStoreException(file, "is empty (0 bytes)", null);
      }
      if (!Files.isReadable(file)) {
        throw new DamagedStoreException(file, "is not readable (permissions)", null);
      }
    } catch (IOException e) {
      throw new DamagedStoreException(file, "is not readable (" + e.getMessage() + ")", e);
    }
    checkVersion(file);
  }

  /**
   * A file closed cleanly records its last version in the header; a truncated one opens at an
   * older version, silently losing what came after. (A file left by a crash has no such record:
   * H2's own recovery applies.)
   */
  private static void checkVersion(Path file) {
    try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
      Map<String, Object> header = store.getStoreHeader();
      Object clean = header.get("clean");
      Object version = header.get("version");
      if (clean != null && version != null) {
        long recorded = Long.parseLong(version.toString(), 16);
        if (store.getCurrentVersion() < recorded) {
          throw new DamagedStoreException(file, "is truncated (it opens at version " + store.getCurrentVersion()
              + " instead of " + recorded + ")", null);
        }
      }
    } catch (MVStoreException e) {
      if (e.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
        return; // in use by another process: the open that follows says so
      }
      throw new DamagedStoreException(file, "is damaged (" + firstLine(e.getMessage()) + ")", e);
    } catch (NumberFormatException e) {
      throw new DamagedStoreException(file, "has an unreadable header", e);
    }
  }

  /**
   * An H2 store file checked ({@link #checkExisting}), then opened: a damaged file is a
   * {@link DamagedStoreException}; when {@code writable}, a database H2 opened read-only fails too.
   * Other failures (in use, folder not writable) are the {@link SQLException}, for {@link #openProblem}.
   */
  public static Database openH2(Path base, String extra, boolean writable) throws SQLException {
    checkExisting(base);
    Database db;
    try {
      db = Database.h2(base, extra);
    } catch (SQLException e) {
      if (damaged(e)) {
        throw damagedFile(base, e);
      }
      throw e;
    }
    if (writable) {
      try (Connection c = db.dataSource().getConnection()) {
        requireWritable(c);
      } catch (SQLException e) {
        db.close();
        throw e;
      }
    }
    return db;
  }

  /**
   * Fails when H2 opened the database read-only (its file or DATA_DIR not writable): it would
   * then refuse every write later, one by one, while the server looked healthy.
   */
  public static void requireWritable(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT READONLY()")) {
      if (rs.next() && rs.getBoolean(1)) {
        throw new SQLException("the database is read-only", "HY000", ErrorCode.DATABASE_IS_READ_ONLY);
      }
    }
  }

  /** Why a store did not open, for the log and /healthz: in use, read-only, or H2's SQL state. */
  public static String openProblem(String what, Path base, SQLException e) {
    return switch (e.getErrorCode()) {
      case ErrorCode.DATABASE_ALREADY_OPEN_1 -> what + " " + base + ".mv.db is in use by another process";
      case ErrorCode.DATABASE_IS_READ_ONLY -> what + " " + base + ".mv.db is read-only (is DATA_DIR writable?)";
      default -> "cannot open " + what + " " + base + ".mv.db (SQL state " + e.getSQLState() + ")";
    };
  }

  /** Whether H2's failure to open a database says its file is damaged (not in use, not missing). */
  public static boolean damaged(SQLException e) {
    int code = e.getErrorCode();
    return code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2
        || code == ErrorCode.FILE_VERSION_ERROR_1 || code == ErrorCode.FILE_ENCRYPTION_ERROR_1
        || code == ErrorCode.GENERAL_ERROR_1 && e.getCause() instanceof MVStoreException;
  }

  /** The exception for a database H2 could not open because of its file. */
  public static DamagedStoreException damagedFile(Path base, SQLException e) {
    return new DamagedStoreException(Path.of(base + ".mv.db"), "is damaged (" + firstLine(e.getMessage()) + ")", e);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static boolean posix(Path p) {
    Path probe = p == null ? Path.of("/") : p;
    return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
