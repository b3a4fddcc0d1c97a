package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.RealServices;
import it.vademecum.redis.Redis;
import it.vademecum.session.RedisSessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real servers sharing sessions in a real Redis, as behind a load balancer. */
class TwoInstancesTest {

  private Redis redisOne;
  private Redis redisTwo;
  private BotUnderTest one;
  private BotUnderTest two;

  @BeforeEach
  void start() throws Exception {
    String url = RealServices.redisUrl();
    redisOne = Redis.connect(url);
    redisTwo = Redis.connect(url);
    one = new BotUnderTest(new RedisSessionStore(redisOne, Duration.ofHours(8)));
    two = new BotUnderTest(new RedisSessionStore(redisTwo, Duration.ofHours(8)));
  }

  @AfterEach
  void stop() throws Exception {
    if (one == null) {
      return; // skipped: no Redis given (TEST_REDIS_URL)
    }
    one.close();
    two.close();
    redisOne.close();
    redisTwo.close();
  }

  private static ObjectNode as(ObjectNode activity, String user) {
    ((ObjectNode) activity.path("from")).put("id", user).put("aadObjectId", user);
    return activity;
  }

  private static JsonNode onlyCard(BotUnderTest bot) {
    List<JsonNode> sent = bot.connector.sent();
    assertEquals(1, sent.size(), "one card expected: " + sent);
    return Replies.card(sent.get(0));
  }

  @Test
  void aConversationContinuesOnTheOtherInstance() throws Exception {
    String user = UUID.randomUUID().toString();
    assertEquals(200, one.post(as(one.message("pagamento non registrato"), user)).status());
    JsonNode q1 = onlyCard(one);
    assertEquals(200, two.post(as(two.submit(Replies.buttons(q1).get("Bonifico")), user)).status());
    String text = Replies.text(onlyCard(two));
    assertTrue(text.contains("L'importo del bonifico supera 500 €?"), text);
  }

  @Test
  void twoClicksOfTheSameCardOnTwoInstancesAtOnceAdvanceOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String user = UUID.randomUUID().toString();
        assertEquals(200, one.post(as(one.message("pagamento non registrato"), user)).status());
        String bonifico = Replies.buttons(onlyCard(one)).get("Bonifico");
        ObjectNode clickOne = as(one.submit(bonifico), user);
        ObjectNode clickTwo = as(two.submit(bonifico), user);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> posts = new ArrayList<>();
        posts.add(pool.submit(() -> {
          go.await();
          return one.post(clickOne).status();
        }));
        posts.add(pool.submit(() -> {
          go.await();
          return two.post(clickTwo).status();
        }));
        go.countDown();
        for (Future<Integer> p : posts) {
          assertEquals(200, p.get());
        }
        List<String> texts = List.of(Replies.text(onlyCard(one)), Replies.text(onlyCard(two)));
        long advanced = texts.stream().filter(t -> t.contains("L'importo del bonifico supera 500 €?")
            && !t.contains("già risposto")).count();
        long already = texts.stream().filter(t -> t.contains("già risposto")).count();
        assertEquals(1, advanced, "round " + round + ": " + texts);
        assertEquals(1, already, "round " + round + ": " + texts);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
