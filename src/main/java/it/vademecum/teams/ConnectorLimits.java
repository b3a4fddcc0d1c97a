package it.vademecum.teams;

import it.vademecum.config.TypedSettings;
import java.time.Duration;

/**
 * How the bot treats the Teams connector: at most {@code perSecond} calls per second (Teams allows a
 * bot about 50 per second per tenant; 0 = no ceiling), a 429's Retry-After honoured up to
 * {@code maxRetries} times, and no call waiting (queue, Retry-After, retries) beyond
 * {@code maxWait}, after which it fails as before. With {@code shared} (Redis, several instances)
 * the ceiling and the 429 holds count for all instances together.
 */
public record ConnectorLimits(double perSecond, int maxRetries, Duration maxWait, SharedLimits shared) {

  public static final ConnectorLimits DEFAULT = new ConnectorLimits(50, 5, Duration.ofSeconds(20));

  public ConnectorLimits {
    if (perSecond < 0 || maxRetries < 0 || maxWait.isNegative()) {
      throw new IllegalArgumentException("connector limits out of range");
    }
  }

  /** This process's limits only. */
  public ConnectorLimits(double perSecond, int maxRetries, Duration maxWait) {
    this(perSecond, maxRetries, maxWait, null);
  }

  /** The same limits, shared with the other instances through {@code shared} (null: this process only). */
  public ConnectorLimits withShared(SharedLimits shared) {
    return new ConnectorLimits(perSecond, maxRetries, maxWait, shared);
  }

  public boolean paced() {
    return perSecond > 0;
  }

  /** CONNECTOR_RATE, as parsed at start-up; the retries and the longest wait are the defaults. */
  public static ConnectorLimits from(TypedSettings.Connector connector) {
    return new ConnectorLimits(connector.callsPerSecond(), DEFAULT.maxRetries(), DEFAULT.maxWait());
  }
}
