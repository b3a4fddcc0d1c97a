package it.vademecum.cli;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The Teams Bot Connector a child `serve` talks to, on MockWebServer: accepts every activity the bot
 * posts or updates, answers the member lookup, counts the lookups and can be made slow.
 */
final class MockConnector implements AutoCloseable {

  private static final String PREFIX = "/_connector";
  private static final String MEMBER_JSON = "{\"id\":\"user-id-0\",\"name\":\"Mario Rossi\",\"givenName\":\"Mario\","
      + "\"aadObjectId\":\"00000000-0000-0000-0000-0000000000020\",\"tenantId\":\"00000000-0000-0000-0000-0000000000001\"}";

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicLong lookups = new AtomicLong();
  private volatile long delayMs;

  private MockConnector() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        Thread.sleep(delayMs);
        String path = request.getPath() == null ? "" : request.getPath();
        if (path.contains("/members/")) {
          lookups.incrementAndGet();
          return json(MEMBER_JSON);
        }
        return path.contains("/activities") ? json("{\"id\":\"bot-activity-" + ids.incrementAndGet() + "\"}")
            : new MockResponse().setResponseCode(404);
      }
    });
    server.start();
  }

  static MockConnector start() throws IOException {
    return new MockConnector();
  }

  String serviceUrl() {
    return server.url(PREFIX).toString();
  }

  /** Each call waits this long before its answer (a real connector: ~100 ms). */
  void delay(long ms) {
    this.delayMs = ms;
  }

  /** Member lookups so far: one per turn that reached the bot. */
  long lookups() {
    return lookups.get();
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
