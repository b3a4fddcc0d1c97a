package it.vademecum.teams;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In the shared connector client: every call waits its turn in the {@link ConnectorPacer} (lane =
 * the conversation in the URL), and a 429 is not a failed turn: the conversation is held for the
 * Retry-After (other conversations go on) and the call is sent again, up to the limits. Logs
 * shapes only (status, wait), never bodies.
 */
final class PacingInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger(PacingInterceptor.class);
  static final long DEFAULT_RETRY_AFTER_MS = 1_000;
  static final long MAX_RETRY_AFTER_MS = 60_000;

  private final ConnectorPacer pacer;
  private final ConnectorLimits limits;
  private final LongSupplier clock;

  /** {@code pacer} may be null: no ceiling, 429s still honoured. */
  PacingInterceptor(ConnectorPacer pacer, ConnectorLimits limits, LongSupplier nanoClock) {
    this.pacer = pacer;
    this.limits = limits;
    this.clock = nanoClock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String lane = lane(request.url());
    long deadline = clock.getAsLong() + limits.maxWait().toNanos();
    for (int attempt = 0; ; attempt++) {
      awaitTurn(lane, deadline, chain);
      Response response = chain.proceed(request);
      if (response.code() != 429) {
        return response;
      }
      long waitMs = retryAfterMillis(response.header("Retry-After"), System.currentTimeMillis());
      long resumeAt = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(waitMs);
      if (attempt >= limits.maxRetries() || resumeAt > deadline) {
        LOG.warn("connector 429 not retried: attempts={} retryAfterMs={}", attempt + 1, waitMs);
        return response;
      }
      response.close();
      LOG.info("connector 429: conversation held {} ms, then sent again (attempt {})", waitMs, attempt + 2);
      shareHold(lane, TimeUnit.MILLISECONDS.toNanos(waitMs));
      if (pacer != null) {
        pacer.hold(lane, TimeUnit.MILLISECONDS.toNanos(waitMs));
      } else {
        sleepUntil(resumeAt);
      }
    }
  }

  private void awaitTurn(String lane, long deadline, Chain chain) throws IOException {
    if (pacer == null) {
      return;
    }
    CompletableFuture<Void> ticket = pacer.acquire(lane);
    try {
      ticket.get(Math.max(0, deadline - clock.getAsLong()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      ticket.cancel(false);
      throw new InterruptedIOException("connector call waited too long for its turn");
    } catch (InterruptedException e) {
      ticket.cancel(false);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the connector");
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled");
    }
    awaitSharedTurn(lane, deadline);
  }

  /**
   * Then a slot under the ceiling of all instances together. When Redis does not answer, this
   * process's own ceiling is what holds (each instance at the full ceiling, for the outage only).
   */
  private void awaitSharedTurn(String lane, long deadline) throws IOException {
    if (limits.shared() != null && limits.paced()) {
      SharedCeiling.await(limits.shared(), lane, limits.perSecond(), deadline, clock);
    }
  }

  private void shareHold(String lane, long nanos) {
    SharedLimits shared = limits.shared();
    if (shared != null) {
      try {
        shared.holdConnector(lane, nanos);
      } catch (RuntimeException e) {
        LOG.warn("shared connector hold not recorded: {}", e.toString());
      }
    }
  }

  private void sleepUntil(long resumeAt) throws InterruptedIOException {
    long left = resumeAt - clock.getAsLong();
    if (left > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted during Retry-After");
      }
    }
  }

  /** The conversation a connector URL is about ({@code /v3/conversations/{id}/...}), or "-". */
  static String lane(HttpUrl url) {
    var segments = url.pathSegments();
    for (int i = 0; i + 1 < segments.size(); i++) {
      if ("conversations".equals(segments.get(i)) && !segments.get(i + 1).isEmpty()) {
        return segments.get(i + 1);
      }
    }
    return "-";
  }

  /** Retry-After in seconds or as an HTTP date; 1 s when absent or unreadable; at most 60 s. */
  static long retryAfterMillis(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER_MS;
    }
    String v = header.strip();
    long ms;
    try {
      ms = (long) (Double.parseDouble(v) * 1000);
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        ms = at.toEpochMilli() - nowMillis;
      } catch (DateTimeParseException e2) {
        return DEFAULT_RETRY_AFTER_MS;
      }
    }
    return Math.max(0, Math.min(ms, MAX_RETRY_AFTER_MS));
  }
}
