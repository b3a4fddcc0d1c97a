package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Plays the Teams Bot Connector (the activity's serviceUrl) on MockWebServer: records every
 * activity the bot posts, answers the member lookup with a Teams user, and accepts with Nagle off
 * (MockWebServer writes headers and body separately; with Nagle each bot reply would wait ~40 ms).
 */
final class FakeConnector implements AutoCloseable {

  static final String PREFIX = "/_connector";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the bot made to the connector; {@code id}: the activity id it was answered with, if any. */
  record Call(String method, String path, JsonNode body, String id) {}

  private final MockWebServer server = new MockWebServer();
  private final LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  volatile String givenName = "Mario";
  /** How long the connector takes to answer each call (a real one: ~100 ms). */
  volatile long delayMs = 0;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** The most calls the connector was answering at the same time. */
  final AtomicInteger maxInFlight = new AtomicInteger();
  /** How many of the next activity posts are refused with 429 and this Retry-After (seconds). */
  final AtomicInteger tooManyRequests = new AtomicInteger();
  volatile String retryAfter = "1";

  FakeConnector() throws IOException {
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(delayMs);
          return answer(request);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  String serviceUrl() {
    return "http://127.0.0.1:" + server.getPort() + PREFIX;
  }

  /** A recorded request's JSON body, or null when it has none or it is not JSON. */
  static JsonNode json(RecordedRequest r) {
    String text = r.getBody().readUtf8();
    try {
      return text.isEmpty() ? null : JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private MockResponse answer(RecordedRequest r) {
    String path = r.getPath() == null ? "" : r.getPath();
    JsonNode body = json(r);
    if ("GET".equals(r.getMethod()) && path.matches(PREFIX + "/v3/conversations/[^/]+/members/[^/]+")) {
      calls.add(new Call(r.getMethod(), path, body, null));
      String member = "{\"id\":\"user-id-0\",\"name\":\"Mario Rossi\",\"givenName\":\"" + givenName
          + "\",\"surname\":\"Rossi\",\"aadObjectId\":\"00000000-0000-0000-0000-0000000000020\","
          + "\"email\":\"mario.rossi@example.com\",\"userPrincipalName\":\"mario.rossi@example.com\","
          + "\"tenantId\":\"00000000-0000-0000-0000-0000000000001\"}";
      return json(200, member);
    }
    if ("POST".equals(r.getMethod()) && path.matches(PREFIX + "/v3/conversations/[^/]+/activities(/.*)?")) {
      if (tooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        calls.add(new Call(r.getMethod(), path, body, null));
        return json(429, "{\"error\":{\"code\":\"TooManyRequests\"}}").setHeader("Retry-After", retryAfter);
      }
      String id = "bot-activity-" + ids.incrementAndGet();
      calls.add(new Call(r.getMethod(), path, body, id));
      return json(200, "{\"id\":\"" + id + "\"}");
    }
    if ("PUT".equals(r.getMethod()) && path.matches(PREFIX + "/v3/conversations/[^/]+/activities/[^/]+")) {
      String id = path.substring(path.lastIndexOf('/') + 1);
      calls.add(new Call(r.getMethod(), path, body, id));
      return json(200, "{\"id\":\"" + id + "\"}");
    }
    calls.add(new Call(r.getMethod(), path, body, null));
    return json(404, "{\"error\":{\"code\":\"NotFound\"}}");
  }

  private MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** The activities posted since the last call (the bot awaits its sends inside the turn). */
  List<JsonNode> sent() {
    List<JsonNode> out = new ArrayList<>();
    for (Call c : drain()) {
      if ("POST".equals(c.method()) && c.path().contains("/activities")) {
        out.add(c.body());
      }
    }
    return out;
  }

  /** The calls among these that posted a new message. */
  static List<Call> posts(List<Call> calls) {
    return calls.stream().filter(c -> "POST".equals(c.method()) && c.path().contains("/activities")).toList();
  }

  /** The calls among these that updated a message the bot had sent (updateActivity). */
  static List<Call> updates(List<Call> calls) {
    return calls.stream().filter(c -> "PUT".equals(c.method()) && c.path().contains("/activities/")).toList();
  }

  /** Every call since the last drain. */
  List<Call> drain() {
    List<Call> out = new ArrayList<>();
    calls.drainTo(out);
    return out;
  }

  Call next(long ms) throws InterruptedException {
    return calls.poll(ms, TimeUnit.MILLISECONDS);
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  /** Server sockets whose accepted connections have TCP_NODELAY set. */
  static final class NoDelayServerSocketFactory extends ServerSocketFactory {

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket s = new NoDelayServerSocket();
      s.bind(new InetSocketAddress(port));
      return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket s = new NoDelayServerSocket();
      s.bind(new InetSocketAddress(port), backlog);
      return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket s = new NoDelayServerSocket();
      s.bind(new InetSocketAddress(address, port), backlog);
      return s;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {

    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket s = super.accept();
      s.setTcpNoDelay(true);
      return s;
    }
  }
}
