package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The signing keys against a local OpenID server that works, hangs or fails. */
class OpenIdKeysTest {

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger log = (Logger) LoggerFactory.getLogger(OpenIdKeys.class);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private OpenIdServer openId;
  private OpenIdKeys keys;

  @BeforeEach
  void start() throws Exception {
    logs.start();
    log.addAppender(logs);
    openId = new OpenIdServer();
    keys = new OpenIdKeys(openId.metadataUrl(), Duration.ofMillis(300), nanos::get).start();
    assertTrue(keys.awaitReady(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() throws Exception {
    keys.close();
    openId.close();
    log.detachAppender(logs);
  }

  private long lines(Level level) {
    return logs.list.stream().filter(e -> e.getLevel() == level).count();
  }

  @Test
  void aHungRefreshKeepsTheLastGoodKeysAndNeverBlocksALookUp() throws Exception {
    openId.mode(OpenIdServer.Mode.HANG);
    Future<Boolean> refresh = keys.refreshNow();
    long t0 = System.nanoTime();
    assertNotNull(keys.getKey("k1"), "the last good key, while the refresh hangs");
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 50);
    assertFalse(refresh.get(5, TimeUnit.SECONDS), "the hung fetch gives up at its timeout");
    assertNotNull(keys.getKey("k1"), "kept after the failure");
    assertEquals(1, keys.failures());
  }

  @Test
  void aStreakOfFailuresIsLoggedOnceAndItsEndOnce() throws Exception {
    openId.mode(OpenIdServer.Mode.FAIL);
    for (int i = 0; i < 4; i++) {
      assertFalse(keys.refreshNow().get(5, TimeUnit.SECONDS));
    }
    assertEquals(4, keys.failures());
    assertEquals(1, lines(Level.WARN), logs.list.toString());
    openId.mode(OpenIdServer.Mode.OK);
    assertTrue(keys.refreshNow().get(5, TimeUnit.SECONDS));
    assertEquals(1, lines(Level.INFO), logs.list.toString());
    assertEquals(0, keys.failures());
    assertTrue(logs.list.stream().noneMatch(e -> e.getThrowableProxy() != null), "no stack traces");
  }

  @Test
  void unknownKeyIdsAskForARefreshAtMostOnceEveryFiveMinutes() throws Exception {
    int before = openId.metadataRequests();
    for (int i = 0; i < 100; i++) {
      assertNull(keys.getKey("rotated"));
    }
    keys.refreshNow().get(5, TimeUnit.SECONDS);
    // The explicit refresh counts one; the 100 look-ups at most one more (the first one).
    assertTrue(openId.metadataRequests() - before <= 2, (openId.metadataRequests() - before) + " fetches");
    int after = openId.metadataRequests();
    for (int i = 0; i < 100; i++) {
      keys.getKey("rotated");
    }
    keys.refreshNow().get(5, TimeUnit.SECONDS);
    assertEquals(after + 1, openId.metadataRequests(), "within five minutes of the last fetch: none on demand");
    nanos.addAndGet(OpenIdKeys.MIN_ON_DEMAND.toNanos() + 1);
    keys.getKey("rotated");
    keys.refreshNow().get(5, TimeUnit.SECONDS);
    assertEquals(after + 3, openId.metadataRequests(), "one on demand once five minutes passed, and the explicit one");
  }

  @Test
  void retriesWaitLongerAfterEachFailureUpToFiveMinutes() {
    assertEquals(Duration.ofSeconds(5), OpenIdKeys.backoff(1));
    assertEquals(Duration.ofSeconds(10), OpenIdKeys.backoff(2));
    assertEquals(Duration.ofSeconds(80), OpenIdKeys.backoff(5));
    assertEquals(Duration.ofMinutes(5), OpenIdKeys.backoff(40));
  }
}
