package it.vademecum.escalation;

import java.time.Duration;

/** What one attempt to post a card into the team leads' channel came to. */
public sealed interface PostOutcome {

  /** The card is in the channel. */
  record Posted(String conversationId, String activityId) implements PostOutcome {}

  /**
   * Definitely not posted (the connector said so, or the request never left): try again later.
   *
   * @param retryAfter the connector's Retry-After, or {@link Duration#ZERO}
   * @param throttled a 429: the whole channel waits {@code retryAfter}
   */
  record Retry(String reason, Duration retryAfter, boolean throttled) implements PostOutcome {}

  /** Cannot be posted until someone fixes the configuration; the reason is Italian, for supervisors. */
  record Blocked(String problem) implements PostOutcome {}

  /** The request may or may not have reached Teams: never post it again automatically. */
  record Unknown(String reason) implements PostOutcome {}
}
