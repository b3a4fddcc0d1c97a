package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.usage.AsyncUsageLog;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import it.vademecum.usage.UsageStoreException;
import java.util.Optional;

/** Opens the usage store under DATA_DIR for a front end, written off the turn, or carries on without statistics. */
final class Usage {

  private Usage() {}

  /** The store, or the disabled one with the reason it could not open. */
  record Opened(UsageLog log, Optional<String> problem) {}

  static UsageLog open(TypedSettings settings) {
    return openWithReason(settings).log();
  }

  /**
   * As {@link #open}, with the reason when the store is off (in use, folder not writable). A
   * damaged file is not a reason to carry on: {@link it.vademecum.store.DamagedStoreException}.
   */
  static Opened openWithReason(TypedSettings settings) {
    try {
      return new Opened(new AsyncUsageLog(H2UsageLog.open(settings), 10_000), Optional.empty());
    } catch (UsageStoreException e) {
      System.err.println("Statistics off: " + e.getMessage());
      return new Opened(UsageLog.disabled(), Optional.of(e.getMessage()));
    }
  }
}
