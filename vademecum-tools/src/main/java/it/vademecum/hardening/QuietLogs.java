package it.vademecum.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The fuzz and flood commands log warnings only: one INFO line per request would drown the figures. */
final class QuietLogs {

  private QuietLogs() {}

  static void warningsOnly() {
    if (LoggerFactory.getLogger("it.vademecum") instanceof Logger l && System.getenv("LOG_LEVEL") == null) {
      l.setLevel(Level.WARN);
    }
  }
}
