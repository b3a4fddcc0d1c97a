package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * The Teams connector for escalations on MockWebServer: new channel threads
 * ({@code POST /v3/conversations}), card updates (PUT), messages into conversations (the agent's
 * chat, thread replies). Channel posts can be scripted to fail; a card counts as in the channel
 * when the connector processed the post, whether or not its answer reached the bot.
 */
final class LeadsConnector implements AutoCloseable {

  static final String PREFIX = "/_connector";

  record Call(long atNanos, String method, String path, JsonNode body, int status) {}

  private final MockWebServer server = new MockWebServer();
  private final ConcurrentLinkedDeque<MockResponse> script = new ConcurrentLinkedDeque<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Channel posts the connector processed (the cards now in the channel). */
  final List<JsonNode> cards = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger(100);

  LeadsConnector() throws IOException {
    server.setServerSocketFactory(new FakeConnector.NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  String serviceUrl() {
    return "http://127.0.0.1:" + server.getPort() + PREFIX;
  }

  private final java.util.Random failures = new java.util.Random(42);
  private volatile double failureRate;

  /** Unscripted channel posts fail with 503 (not processed) this often, at random. */
  void failing(double rate) {
    failureRate = rate;
  }

  /** The next channel posts answer these, in order; then 201 with new ids. */
  void script(MockResponse... responses) {
    script.addAll(List.of(responses));
  }

  static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody("{\"error\":{\"code\":\"E" + code + "\"}}");
  }

  /** The connector processes the post (the card is in the channel) and the answer never arrives. */
  static MockResponse dropAfterProcessing() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST).setHeader("X-Processed", "yes");
  }

  /** The request is read but never processed (a proxy in front of Teams fails): no card, no answer. */
  static MockResponse dropWithoutProcessing() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  private MockResponse answer(RecordedRequest r) {
    String path = r.getPath() == null ? "" : r.getPath();
    JsonNode body = FakeConnector.json(r);
    MockResponse response;
    if ("POST".equals(r.getMethod()) && path.equals(PREFIX + "/v3/conversations")) {
      MockResponse scripted = script.pollFirst();
      if (scripted == null && failures.nextDouble() < failureRate) {
        scripted = status(503);
      }
      boolean processed = scripted == null || "yes".equals(scripted.getHeaders().get("X-Processed"));
      String messageId = String.valueOf(ids.incrementAndGet());
      if (processed) {
        cards.add(body);
      }
      response = scripted != null ? scripted : json(201, "{\"id\":\""
          + body.path("channelData").path("channel").path("id").asText() + ";messageid=" + messageId
          + "\",\"activityId\":\"" + messageId + "\"}");
    } else if ("GET".equals(r.getMethod()) && path.matches(PREFIX + "/v3/conversations/[^/]+/members/[^/]+")) {
      response = json(200, "{\"id\":\"user-id-0\",\"name\":\"Mario Rossi\",\"givenName\":\"Mario\","
          + "\"aadObjectId\":\"00000000-0000-0000-0000-0000000000020\",\"userPrincipalName\":\"mario.rossi@example.com\"}");
    } else if (("POST".equals(r.getMethod()) || "PUT".equals(r.getMethod())) && path.contains("/activities")) {
      response = json(200, "{\"id\":\"a-" + ids.incrementAndGet() + "\"}");
    } else {
      response = json(404, "{\"error\":{\"code\":\"NotFound\"}}");
    }
    calls.add(new Call(System.nanoTime(), r.getMethod(), path, body, response.getSocketPolicy()
        == SocketPolicy.DISCONNECT_AFTER_REQUEST ? -1 : Integer.parseInt(response.getStatus().split(" ")[1])));
    return response;
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** Every channel post attempt that reached the connector. */
  List<Call> channelPosts() {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) {
      if ("POST".equals(c.method()) && c.path().equals(PREFIX + "/v3/conversations")) {
        out.add(c);
      }
    }
    return out;
  }

  /** Messages and updates sent into one conversation (the agent's chat, a channel thread). */
  List<Call> into(String method, String conversationPrefix) {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) {
      if (method.equals(c.method()) && c.path().startsWith(PREFIX + "/v3/conversations/" + conversationPrefix)) {
        out.add(c);
      }
    }
    return out;
  }

  static void await(BooleanSupplier condition, long ms) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + ms + " ms");
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
