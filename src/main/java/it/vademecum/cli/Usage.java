package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.store.RetentionJob;
import it.vademecum.usage.AsyncUsageLog;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import it.vademecum.usage.UsageStoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

  /** The retention job (RETENTION_DAYS) over the usage store and the {@code others}, started now. */
  static RetentionJob retention(TypedSettings settings, UsageLog usage, List<RetentionJob.Part> others) {
    List<RetentionJob.Part> parts = new ArrayList<>();
    parts.add(new RetentionJob.Part("usage", usage::purge));
    parts.addAll(others);
    return RetentionJob.start(settings.retention().usage(), Clock.systemUTC(), parts);
  }
}
