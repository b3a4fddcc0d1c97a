package it.vademecum.usage;

import it.vademecum.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import it.vademecum.privacy.Checksums;
import it.vademecum.privacy.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 9: a sentence full of realistic Italian customer data goes through every recording path;
 * nothing identifying reaches the database rows, the database files on disk, or the log at any level.
 */
class PersonalDataStaysOutOfStoreAndLogsTest {

  static final String SENTENCE = "cli mario.rossi@ingpec.eu (anche studiolegale.bianchi@pec.it e "
      + "francesca.esposito85@gmail.com, PEC amministrazione@pec.ferramentaesposito.it) non riceve; "
      + "cell 347 123 4567, alt. +39 333.987.6543, fisso 06 4567 8901, ufficio 081-5551234, "
      + "CF RSSMRA80A01H501U, moglie bncgli85t45f205k, P.IVA IT01114601006, "
      + "IBAN IT60 X054 2811 1010 0000 0123 456, conto estero DE89370400440532013000, "
      + "carta 4539 5787 6362 1486; ordine 3312345678 da 500 € pagato 72 ore fa";

  static final List<String> PERSONAL = List.of(
      "mario.rossi", "studiolegale", "bianchi", "esposito", "amministrazione",
      "3471234567", "347 123 4567", "123 4567", "3339876543", "333.987.6543", "987.6543",
      "0645678901", "06 4567 8901", "4567 8901", "0815551234", "081-5551234", "5551234",
      "RSSMRA80A01H501U", "BNCGLI85T45F205K", "01114601006",
      "IT60X0542811101000000123456", "X054", "0542811101", "0000 0123 456", "DE89370400440532013000", "0532013000",
      "4539578763621486", "4539 5787", "6362 1486");

  @TempDir
  Path dir;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T09:00:00Z"));
  final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  final Logger app = (Logger) LoggerFactory.getLogger("it.vademecum");
  Level rootLevel;
  Level appLevel;

  @BeforeEach
  void captureEverything() {
    rootLevel = root.getLevel();
    appLevel = app.getLevel();
    root.setLevel(Level.TRACE);
    app.setLevel(Level.TRACE);
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void restoreLogging() {
    root.detachAppender(appender);
    root.setLevel(rootLevel);
    app.setLevel(appLevel);
  }

  @Test
  void theTestDataIsRealisticAndValid() {
    assertTrue(Checksums.codiceFiscale("RSSMRA80A01H501U"));
    assertTrue(Checksums.codiceFiscale("BNCGLI85T45F205K"));
    assertTrue(Checksums.partitaIva("01114601006"));
    assertTrue(Checksums.iban("IT60X0542811101000000123456"));
    assertTrue(Checksums.iban("DE89370400440532013000"));
    assertTrue(Checksums.luhn("4539578763621486"));
  }

  @Test
  void noPersonalDataReachesTheDatabaseTheFilesOrTheLog() throws Exception {
    Search none = new Search(Search.Verdict.NONE, "mancata-ricezione", 0.2);
    Search ambiguous = new Search(Search.Verdict.AMBIGUOUS, "mancata-ricezione", 0.6);
    try (H2UsageLog log = H2UsageLog.open(dir, Redactor.defaults(), clock,
        true)) {
      log.recordSearch("29:1a2b-agent", SENTENCE, none);
      log.recordSearch("29:1a2b-agent", SENTENCE, ambiguous);
      log.recordPick("29:1a2b-agent", "mancata-ricezione", SENTENCE);
      log.recordSuggestion("29:1a2b-agent", "mancata-ricezione", SENTENCE);
      log.recordSuggestion("29:1a2b-agent", "mancata-ricezione", SENTENCE);
      log.recordAnswer("29:1a2b-agent", "mancata-ricezione", "verifica-filtri");
      log.recordFeedback("29:1a2b-agent", "mancata-ricezione", "verifica-filtri", false, SENTENCE);
      // what supervisors read back
      String read = log.unmatched(Instant.EPOCH, 10) + " " + log.feedbackReasons(Instant.EPOCH, 10) + " "
          + log.openSuggestions(5);
      assertClean("query results", read);
      assertTrue(read.contains("[email]@ingpec.eu") && read.contains("[cf]") && read.contains("[iban]")
          && read.contains("[telefono]") && read.contains("[carta]") && read.contains("[piva]")
          && read.contains("ordine 3312345678 da 500 €"), read);

      // a failing insert logs a warning: it must not quote the statement's values either
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("usage"), "sa", "");
          Statement st = c.createStatement()) {
        st.execute("ALTER TABLE usage_feedback RENAME TO usage_feedback_moved");
      }
      log.recordFeedback("29:1a2b-agent", "mancata-ricezione", "verifica-filtri", false, SENTENCE);
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("usage"), "sa", "");
          Statement st = c.createStatement()) {
        st.execute("ALTER TABLE usage_feedback_moved RENAME TO usage_feedback");
      }
    }

    assertClean("database rows", allRows());
    String rawDb = new String(Files.readAllBytes(dir.resolve("usage.mv.db")), StandardCharsets.ISO_8859_1);
    // positive control: the file stores text readably, so scanning its bytes means something
    assertTrue(rawDb.contains("ordine 3312345678"), "the database file keeps plain text");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertClean("file " + f.getFileName(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    assertTrue(appender.list.stream().anyMatch(e -> e.getLevel() == Level.WARN), "the failing insert was logged");
    StringBuilder logged = new StringBuilder();
    for (ILoggingEvent e : appender.list) {
      logged.append(e.getFormattedMessage()).append('\n');
      if (e.getArgumentArray() != null) {
        for (Object a : e.getArgumentArray()) {
          logged.append(a).append('\n');
        }
      }
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        logged.append(t.getMessage()).append('\n');
      }
    }
    assertFalse(appender.list.isEmpty());
    assertClean("log", logged.toString());
  }

  private String allRows() throws Exception {
    StringBuilder b = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("usage"), "sa", "");
        Statement st = c.createStatement()) {
      for (String table : Stream.concat(H2UsageLog.TABLES.stream(), Stream.of(H2UsageLog.SUGGESTIONS)).toList()) {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData md = rs.getMetaData();
          int rows = 0;
          while (rs.next()) {
            rows++;
            for (int i = 1; i <= md.getColumnCount(); i++) {
              b.append(rs.getString(i)).append('|');
            }
            b.append('\n');
          }
          assertTrue(rows > 0, table + " has rows");
        }
      }
    }
    return b.toString();
  }

  private static void assertClean(String where, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String p : PERSONAL) {
      assertFalse(lower.contains(p.toLowerCase(Locale.ROOT)), where + " contains «" + p + "»");
    }
  }
}
