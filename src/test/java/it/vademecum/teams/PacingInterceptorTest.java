package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacingInterceptorTest {

  private final MockWebServer server = new MockWebServer();
  private ConnectorPacer pacer;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
    if (pacer != null) {
      pacer.close();
    }
  }

  private OkHttpClient client(ConnectorLimits limits) {
    pacer = limits.paced() ? new ConnectorPacer(limits.perSecond(), System::nanoTime).start() : null;
    return new OkHttpClient.Builder().addInterceptor(new PacingInterceptor(pacer, limits, System::nanoTime)).build();
  }

  private Response post(OkHttpClient client, String conversation) throws Exception {
    return client.newCall(new Request.Builder().url(server.url("/v3/conversations/" + conversation + "/activities/1"))
        .post(RequestBody.create("{\"type\":\"message\"}", MediaType.get("application/json"))).build()).execute();
  }

  @Test
  void a429IsSentAgainAfterItsRetryAfterInsteadOfFailing() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
    server.enqueue(new MockResponse().setBody("{\"id\":\"1\"}"));
    OkHttpClient client = client(ConnectorLimits.DEFAULT);
    long t0 = System.nanoTime();
    try (Response r = post(client, "a:1")) {
      assertEquals(200, r.code());
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(ms >= 950, "waited the Retry-After, took " + ms + " ms");
    assertEquals(2, server.getRequestCount());
    assertEquals("{\"type\":\"message\"}", server.takeRequest().getBody().readUtf8());
    assertEquals("{\"type\":\"message\"}", server.takeRequest().getBody().readUtf8(), "same body sent again");
  }

  @Test
  void retriesStopAtTheLimitAndTheLast429IsReturned() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    }
    OkHttpClient client = client(new ConnectorLimits(50, 2, Duration.ofSeconds(5)));
    try (Response r = post(client, "a:1")) {
      assertEquals(429, r.code());
    }
    assertEquals(3, server.getRequestCount(), "the first call and two retries");
  }

  @Test
  void aRetryAfterBeyondTheWaitLimitIsNotAwaited() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30"));
    OkHttpClient client = client(new ConnectorLimits(50, 5, Duration.ofSeconds(2)));
    long t0 = System.nanoTime();
    try (Response r = post(client, "a:1")) {
      assertEquals(429, r.code());
    }
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 1000);
  }

  @Test
  void retriesWorkWithoutACeilingToo() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setBody("{}"));
    try (Response r = post(client(new ConnectorLimits(0, 5, Duration.ofSeconds(5))), "a:1")) {
      assertEquals(200, r.code());
    }
  }

  @Test
  void theCeilingHoldsForRealCalls() throws Exception {
    for (int i = 0; i < 12; i++) {
      server.enqueue(new MockResponse().setBody("{}"));
    }
    OkHttpClient client = client(new ConnectorLimits(20, 5, Duration.ofSeconds(5)));
    long t0 = System.nanoTime();
    for (int i = 0; i < 12; i++) {
      try (Response r = post(client, "a:" + (i % 3))) {
        assertEquals(200, r.code());
      }
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(ms >= 480, "12 calls at 20/s take at least 500 ms (two at once, then one per 50 ms), took " + ms);
  }

  @Test
  void laneIsTheConversationOfTheUrl() {
    assertEquals("a:1xyz", PacingInterceptor.lane(HttpUrl.get("https://smba.trafficmanager.net/emea/v3/conversations/a:1xyz/activities/9")));
    assertEquals("19:abc@thread.tacv2",
        PacingInterceptor.lane(HttpUrl.get("https://smba.trafficmanager.net/emea/v3/conversations/19:abc@thread.tacv2/activities")));
    assertEquals("-", PacingInterceptor.lane(HttpUrl.get("https://smba.trafficmanager.net/emea/v3/conversations")));
  }

  @Test
  void retryAfterIsReadInSecondsOrAsADate() {
    long now = 1_700_000_000_000L;
    assertEquals(3000, PacingInterceptor.retryAfterMillis("3", now));
    assertEquals(1000, PacingInterceptor.retryAfterMillis(null, now));
    assertEquals(1000, PacingInterceptor.retryAfterMillis("soon", now));
    assertEquals(60_000, PacingInterceptor.retryAfterMillis("3600", now));
    String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.Instant.ofEpochMilli(now + 5000).atZone(java.time.ZoneOffset.UTC));
    assertEquals(5000, PacingInterceptor.retryAfterMillis(date, now));
  }

  @Test
  void theBotsRepliesSurviveA429FromTeams() throws Exception {
    try (BotUnderTest bot = new BotUnderTest(null, null)) {
      bot.connector.retryAfter = "0";
      bot.connector.tooManyRequests.set(1);
      BotUnderTest.Answer a = bot.post(bot.message("bonifico di 600 euro non registrato"));
      assertEquals(200, a.status(), a.body());
      List<JsonNode> sent = bot.connector.sent();
      List<JsonNode> delivered = sent.stream().filter(j -> j != null && j.has("attachments")).toList();
      assertEquals(2, delivered.size(), "the card refused once, then delivered: " + sent.size() + " posts");
      assertTrue(sent.stream().noneMatch(j -> j.toString().contains("errore interno")), "no error message");
    }
  }
}
