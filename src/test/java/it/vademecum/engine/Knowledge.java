package it.vademecum.engine;

import it.vademecum.dialog.InvalidCatalogException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The real dialogs/ folder, loaded once for the tests, and instants that matter to it. */
public final class Knowledge {

  public static final Path DIALOGS = Path.of(System.getProperty("vademecum.dialogs", "dialogs"));
  public static final ZoneId ROME = ZoneId.of("Europe/Rome");
  /** Tuesday 1 December 2026, 10:00 in Rome: second level open, Buongiorno. */
  public static final Instant TUESDAY_10 = rome("2026-12-01T10:00");
  /** The same Tuesday at 13:00: lunch break of the second level. */
  public static final Instant TUESDAY_13 = rome("2026-12-01T13:00");
  /** Saturday 5 December 2026 at 10:00. */
  public static final Instant SATURDAY_10 = rome("2026-12-05T10:00");
  /** Christmas (a Friday in 2026) at 10:00. */
  public static final Instant CHRISTMAS_10 = rome("2026-12-25T10:00");

  private static final Engine ENGINE = load();

  private Knowledge() {}

  public static Engine engine() {
    return ENGINE;
  }

  public static Instant rome(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
  }

  private static Engine load() {
    try {
      return new EngineLoader().load(DIALOGS);
    } catch (InvalidCatalogException e) {
      throw new IllegalStateException("dialogs/ must be clean for the tests:\n" + e.getMessage(), e);
    }
  }
}
