package it.vademecum.cli;

import it.vademecum.config.Settings;
import it.vademecum.usage.AsyncUsageLog;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import it.vademecum.usage.UsageStoreException;

/** Opens the usage store under DATA_DIR for a front end, written off the turn, or carries on without statistics. */
final class Usage {

  private Usage() {}

  static UsageLog open(Settings settings) {
    try {
      return new AsyncUsageLog(H2UsageLog.open(settings), 10_000);
    } catch (UsageStoreException e) {
      System.err.println("Statistics off: " + e.getMessage());
      return UsageLog.disabled();
    }
  }
}
