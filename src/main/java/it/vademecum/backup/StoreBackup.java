package it.vademecum.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;

/**
 * Copies the embedded H2 stores of a data folder ({@code *.mv.db}) with H2's {@code BACKUP TO}: a
 * consistent zip of each, taken while the store may be in use by this process. A store open in
 * another process cannot be reached from here ({@link Outcome#IN_USE}): ask that process.
 */
public final class StoreBackup {

  private static final String SUFFIX = ".mv.db";

  private StoreBackup() {}

  /** What happened to one store. */
  public enum Outcome { COPIED, IN_USE, EXISTS, FAILED }

  /** One store's result: its name ({@code usage}), the zip written or wanted, and the outcome. */
  public record Result(String store, Path zip, Outcome outcome, String detail) {

    /** One line for an operator: never a database message, which may quote values. */
    public String line() {
      return switch (outcome) {
        case COPIED -> store + ": " + zip + " (" + detail + ")";
        case IN_USE -> store + ": in use by another process";
        case EXISTS -> store + ": " + zip + " already exists, not overwritten";
        case FAILED -> store + ": not copied (" + detail + ")";
      };
    }
  }

  /** The stores in {@code dataDir}, by name, sorted. */
  public static List<String> stores(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
    }
  }

  /** Copies one store of {@code dataDir} to {@code to/<store>.zip}, creating {@code to}. */
  public static Result copy(Path dataDir, String store, Path to) {
    Path zip = to.toAbsolutePath().normalize().resolve(store + ".zip");
    if (!store.matches("[A-Za-z0-9_-]+") || !Files.isRegularFile(dataDir.resolve(store + SUFFIX))) {
      return new Result(store, zip, Outcome.FAILED, "no such store");
    }
    if (Files.exists(zip)) {
      return new Result(store, zip, Outcome.EXISTS, "");
    }
    try {
      Files.createDirectories(zip.getParent());
    } catch (IOException e) {
      return new Result(store, zip, Outcome.FAILED, "cannot create " + zip.getParent());
    }
    Path base = dataDir.toAbsolutePath().normalize().resolve(store);
    // The same settings the stores open with, so that in this process the copy joins the open database.
    String url = "jdbc:h2:file:" + base + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
      return new Result(store, zip, Outcome.COPIED, Files.size(zip) + " bytes");
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        return new Result(store, zip, Outcome.IN_USE, "");
      }
      return new Result(store, zip, Outcome.FAILED, "H2 error " + e.getErrorCode());
    } catch (IOException e) {
      return new Result(store, zip, Outcome.FAILED, "cannot read " + zip);
    }
  }
}
