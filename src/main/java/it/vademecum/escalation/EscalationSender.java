package it.vademecum.escalation;

import it.vademecum.assistant.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: one thread posts pending escalations to the channel, one thread tells agents
 * what happened (a slow agent chat never holds up the channel). Each attempt is claimed in the
 * database before the HTTP call and its outcome recorded after it:
 * posted → POSTED with ids; definite failure → PENDING with backoff (a 429 pauses the whole channel
 * for its Retry-After); configuration → PENDING with the problem, retried slowly; unknown → UNCERTAIN.
 */
public final class EscalationSender implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationSender.class);
  /** Longer than one attempt (the poster's call timeout) and one agent message. */
  private static final long SHUTDOWN_WAIT_S = 40;

  /** How often the threads look at the database, and how long a configuration problem waits. */
  public record Timing(Duration poll, Duration blockedRetry, Duration noticeRetry, Backoff backoff) {

    public static Timing standard() {
      return new Timing(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(30), Backoff.standard());
    }
  }

  private final Outbox outbox;
  private final ChannelPoster poster;
  private final Notifier notifier;
  private final Timing timing;
  private final Clock clock;
  private final ScheduledExecutorService posts;
  private final ScheduledExecutorService notices;
  private volatile Instant channelPausedUntil = Instant.EPOCH;
  private volatile boolean closing;

  public EscalationSender(Outbox outbox, ChannelPoster poster, Notifier notifier, Timing timing, Clock clock) {
    this.outbox = outbox;
    this.poster = poster;
    this.notifier = notifier;
    this.timing = timing;
    this.clock = clock;
    this.posts = Executors.newSingleThreadScheduledExecutor(named("escalation-sender"));
    this.notices = Executors.newSingleThreadScheduledExecutor(named("escalation-notices"));
  }

  public EscalationSender start() {
    long poll = Math.max(1, timing.poll().toMillis());
    posts.scheduleWithFixedDelay(this::postQuietly, 0, poll, TimeUnit.MILLISECONDS);
    notices.scheduleWithFixedDelay(this::noticesQuietly, 0, poll, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Looks at the outbox now rather than at the next poll (a new escalation, a click, a route learnt). */
  public void wake() {
    kick(posts, this::postQuietly);
    kick(notices, this::noticesQuietly);
  }

  private void kick(ScheduledExecutorService executor, Runnable task) {
    if (!closing) {
      try {
        executor.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }

  private void postQuietly() {
    try {
      postDue();
    } catch (RuntimeException e) {
      LOG.error("escalation sender pass failed: {}", e.getClass().getName(), e);
    }
  }

  private void noticesQuietly() {
    try {
      tellDue();
    } catch (RuntimeException e) {
      LOG.error("escalation notices pass failed: {}", e.getClass().getName(), e);
    }
  }

  /** One pass over the due escalations; returns how many were posted. Runs on the sender thread. */
  int postDue() {
    int posted = 0;
    outbox.expireLeases();
    while (!closing) {
      Instant now = clock.instant();
      if (now.isBefore(channelPausedUntil)) {
        return posted;
      }
      List<Escalation> due = outbox.due(now, 20);
      if (due.isEmpty()) {
        return posted;
      }
      for (Escalation candidate : due) {
        Optional<Escalation> claimed = outbox.claim(candidate.id());
        if (claimed.isEmpty()) {
          continue;
        }
        Escalation e = claimed.get();
        PostOutcome outcome = poster.post(e);
        if (record(e, outcome)) {
          posted++;
        }
        if (outcome instanceof PostOutcome.Retry r && r.throttled()) {
          channelPausedUntil = clock.instant().plus(r.retryAfter());
          return posted;
        }
        if (closing) {
          return posted;
        }
      }
    }
    return posted;
  }

  private boolean record(Escalation e, PostOutcome outcome) {
    Instant now = clock.instant();
    if (outcome instanceof PostOutcome.Posted p) {
      outbox.posted(e.id(), p.conversationId(), p.activityId());
      LOG.info("escalation {} posted attempt={}", e.id(), e.attempts());
      kick(notices, this::noticesQuietly);
      return true;
    }
    if (outcome instanceof PostOutcome.Retry r) {
      Duration wait = timing.backoff().delay(e.attempts(), r.retryAfter());
      outbox.retryLater(e.id(), now.plus(wait), r.reason());
      LOG.info("escalation {} retry attempt={} reason={} waitMs={}", e.id(), e.attempts(), r.reason(), wait.toMillis());
    } else if (outcome instanceof PostOutcome.Blocked b) {
      outbox.blocked(e.id(), now.plus(timing.blockedRetry()), b.problem());
      LOG.warn("escalation {} blocked by configuration: {}", e.id(), b.problem());
      kick(notices, this::noticesQuietly);
    } else if (outcome instanceof PostOutcome.Unknown u) {
      outbox.uncertain(e.id(), u.reason());
      LOG.warn("escalation {} outcome unknown ({}): not posted again until a supervisor checks", e.id(), u.reason());
    }
    return false;
  }

  /** One pass over the due notices; returns how many were delivered. Runs on the notices thread. */
  int tellDue() {
    int told = 0;
    for (Notice n : outbox.dueNotices(clock.instant(), 50)) {
      if (closing) {
        return told;
      }
      boolean ok;
      try {
        ok = notifier.tell(n.agentKey(), n.text());
      } catch (RuntimeException e) {
        LOG.info("notice {} for escalation {} failed: {}", n.id(), n.escalationId(), e.getClass().getSimpleName());
        ok = false;
      }
      if (ok) {
        outbox.noticeSent(n.id());
        told++;
      } else {
        outbox.noticeFailed(n.id(), clock.instant().plus(timing.noticeRetry()));
      }
    }
    return told;
  }

  /**
   * Stops after the attempt in flight, whose outcome is recorded. Never interrupts the threads: an
   * interrupted thread inside H2 closes the database file (FileChannel semantics).
   */
  @Override
  public void close() {
    closing = true;
    posts.shutdown();
    notices.shutdown();
    try {
      if (!posts.awaitTermination(SHUTDOWN_WAIT_S, TimeUnit.SECONDS)
          | !notices.awaitTermination(SHUTDOWN_WAIT_S, TimeUnit.SECONDS)) {
        LOG.warn("escalation sender still busy after {} s: stopping it", SHUTDOWN_WAIT_S);
        posts.shutdownNow();
        notices.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
