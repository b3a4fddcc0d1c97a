package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.RealServices;
import it.vademecum.redis.Redis;
import it.vademecum.redis.RedisLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' connector clients and rate limiters sharing their limits in a real Redis. */
class SharedLimitsTest {

  private static final int CEILING = 20;

  private final MockWebServer connector = new MockWebServer();
  private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
  private final List<ConnectorPacer> pacers = new ArrayList<>();
  private Redis redisOne;
  private Redis redisTwo;

  @BeforeEach
  void start() throws Exception {
    String url = RealServices.redisUrl();
    redisOne = Redis.connect(url);
    redisTwo = Redis.connect(url);
    redisOne.commands().del("vademecum:connector:grants");
    connector.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(System.nanoTime());
        return new MockResponse().setBody("{\"id\":\"1\"}");
      }
    });
    connector.start();
  }

  @AfterEach
  void stop() throws Exception {
    pacers.forEach(ConnectorPacer::close);
    connector.shutdown();
    if (redisOne == null) {
      return; // skipped: no Redis given (TEST_REDIS_URL)
    }
    redisOne.close();
    redisTwo.close();
  }

  private OkHttpClient instance(Redis redis) {
    ConnectorLimits limits = new ConnectorLimits(CEILING, 5, Duration.ofSeconds(30)).withShared(new RedisLimits(redis));
    ConnectorPacer pacer = new ConnectorPacer(limits.perSecond(), System::nanoTime).start();
    pacers.add(pacer);
    return new OkHttpClient.Builder().addInterceptor(new PacingInterceptor(pacer, limits, System::nanoTime)).build();
  }

  private int post(OkHttpClient client, String conversation) throws Exception {
    try (Response r = client.newCall(new Request.Builder()
        .url(connector.url("/v3/conversations/" + conversation + "/activities/1"))
        .post(RequestBody.create("{\"type\":\"message\"}", MediaType.get("application/json"))).build()).execute()) {
      return r.code();
    }
  }

  @Test
  void twoInstancesTogetherNeverExceedTheCeilingInAnySecond() throws Exception {
    List<OkHttpClient> instances = List.of(instance(redisOne), instance(redisTwo));
    int perInstance = 40;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < perInstance * 2; i++) {
        OkHttpClient client = instances.get(i % 2);
        String conversation = "c-" + (i % 8);
        calls.add(pool.submit(() -> post(client, conversation)));
      }
      for (Future<Integer> c : calls) {
        assertEquals(200, c.get());
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> at = new ArrayList<>(arrivals);
    Collections.sort(at);
    assertEquals(perInstance * 2, at.size());
    int most = 0;
    for (int i = 0; i < at.size(); i++) {
      int j = i;
      while (j < at.size() && at.get(j) - at.get(i) < TimeUnit.SECONDS.toNanos(1)) {
        j++;
      }
      most = Math.max(most, j - i);
    }
    assertTrue(most <= CEILING, "at most " + CEILING + " calls in any second, saw " + most);
    assertTrue(most >= CEILING / 2, "the ceiling is used, not starved: " + most);
  }

  @Test
  void a429OnOneInstanceHoldsTheConversationOnTheOther() throws Exception {
    RedisLimits one = new RedisLimits(redisOne);
    RedisLimits two = new RedisLimits(redisTwo);
    String lane = "c-" + UUID.randomUUID();
    one.holdConnector(lane, TimeUnit.MILLISECONDS.toNanos(1500));
    long wait = two.connectorWaitNanos(lane, CEILING);
    assertTrue(wait > TimeUnit.MILLISECONDS.toNanos(1000), "held: " + wait);
    assertEquals(0, two.connectorWaitNanos("c-other-" + UUID.randomUUID(), CEILING), "other conversations go on");
  }

  @Test
  void anAgentsRateLimitCountsMessagesOnEveryInstance() {
    RateLimiter.Policy policy = new RateLimiter.Policy(4, 0.001);
    RateLimiter one = new RateLimiter(policy, new RedisLimits(redisOne));
    RateLimiter two = new RateLimiter(policy, new RedisLimits(redisTwo));
    String agent = "t/" + UUID.randomUUID();
    List<RateLimiter.Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      decisions.add((i % 2 == 0 ? one : two).acquire(agent));
    }
    assertEquals(List.of(RateLimiter.Decision.ALLOW, RateLimiter.Decision.ALLOW, RateLimiter.Decision.ALLOW,
        RateLimiter.Decision.ALLOW, RateLimiter.Decision.REFUSE_AND_TELL, RateLimiter.Decision.REFUSE_QUIETLY,
        RateLimiter.Decision.REFUSE_QUIETLY), decisions);
  }
}
