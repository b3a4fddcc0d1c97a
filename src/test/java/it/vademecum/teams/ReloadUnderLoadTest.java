package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.usage.UsageLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine supplier switches to a catalogue with a node removed while 50 agents click through
 * it: no error, agents on the removed node start again cleanly, the others go on.
 */
class ReloadUnderLoadTest {

  private static final int AGENTS = 50;
  private static final String TOPIC = "pagamento-non-registrato";
  private static final String CHANGED = "L'argomento in corso è stato aggiornato nel frattempo: ricominciamo da capo.";

  @TempDir
  Path tmp;

  @Test
  void agentsMidTreeSurviveACatalogueWithTheirNodeRemoved() throws Exception {
    Engine before = BotUnderTest.engine();
    Engine after = new EngineLoader().load(withoutAmountQuestion());
    AtomicReference<Engine> current = new AtomicReference<>(before);
    try (FakeConnector connector = new FakeConnector()) {
      VademecumBot bot = new VademecumBot(new Assistant(current::get, new CaffeineSessionStore(Duration.ofHours(8),
          1_000), UsageLog.disabled(), EscalationSink.byHand(), List.of(), Clock.systemUTC()));
      TeamsServer server = new TeamsServer(new TeamsServer.Options(null, null, "MultiTenant", null, "127.0.0.1", 0),
          current::get, bot);
      server.start();
      try (BotUnderTest http = new BotUnderTest(null, null)) {
        Sender send = new Sender(http, connector, server.port());
        // Everyone, and one latecomer, at "L'importo del bonifico supera 500 €?" (node importo).
        for (int i = 0; i <= AGENTS; i++) {
          send.message(i, "pagamento non registrato");
          send.click(i, "c:" + TOPIC + ":metodo:2");
        }
        connector.drain();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
          int agent = i;
          statuses.add(pool.submit(() -> {
            go.await();
            int s = send.click(agent, "c:" + TOPIC + ":importo:1");
            done.incrementAndGet();
            return s;
          }));
        }
        go.countDown();
        while (done.get() < AGENTS / 3) {
          Thread.sleep(1);
        }
        current.set(after);
        for (Future<Integer> f : statuses) {
          assertEquals(200, f.get(), "no error during the switch");
        }
        pool.shutdown();
        Map<String, String> cards = send.cardsByConversation(connector.drain());
        int restarted = 0;
        for (int i = 0; i < AGENTS; i++) {
          String card = cards.getOrDefault(Sender.conversation(i), "");
          boolean old = card.contains("Quando è stato fatto il bonifico?") && !card.contains(CHANGED);
          boolean clean = card.contains(CHANGED);
          assertTrue(old ^ clean, "agent " + i + ": " + card);
          restarted += clean ? 1 : 0;
        }
        System.out.println("switch under load: " + (AGENTS - restarted) + " answered by the old catalogue, "
            + restarted + " restarted cleanly by the new one");
        // The latecomer, still on the removed node, clicks it now: a clean restart, no error.
        assertEquals(200, send.click(AGENTS, "c:" + TOPIC + ":importo:0"));
        String late = send.cardsByConversation(connector.drain()).get(Sender.conversation(AGENTS));
        assertTrue(late.contains(CHANGED), late);
        // Everyone works on the new catalogue: Bonifico now leads straight to the hours question.
        for (int i = 0; i <= AGENTS; i += 10) {
          send.message(i, "pagamento non registrato");
          send.click(i, "c:" + TOPIC + ":metodo:2");
        }
        send.cardsByConversation(connector.drain()).values().forEach(card ->
            assertTrue(card.contains("Quando è stato fatto il bonifico?"), card));
      } finally {
        server.close();
      }
    }
  }

  /** A copy of dialogs/ where Bonifico skips the amount question: importo and the over-500 € branch removed. */
  private Path withoutAmountQuestion() throws Exception {
    Path src = Path.of(System.getProperty("vademecum.dialogs", "dialogs"));
    Path dst = tmp.resolve("dialogs");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.toList()) {
        Path target = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Path topic = dst.resolve(TOPIC + ".json");
    ObjectNode t = (ObjectNode) BotUnderTest.JSON.readTree(topic.toFile());
    ObjectNode nodes = (ObjectNode) t.get("nodes");
    nodes.remove("importo");
    nodes.remove("ore-oltre-500");
    nodes.remove("billing-e-tl");
    nodes.remove("inoltra-billing");
    for (JsonNode c : (ArrayNode) nodes.get("metodo").get("choices")) {
      if (c.path("next").asText().equals("importo")) {
        ((ObjectNode) c).put("next", "ore");
      }
    }
    Files.writeString(topic, BotUnderTest.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(t));
    return dst;
  }

  /** Posts as agent i in conversation i to the server under test, replies going to the fake connector. */
  private record Sender(BotUnderTest http, FakeConnector connector, int port) {

    static String conversation(int agent) {
      return "reload-conv-" + agent;
    }

    int message(int agent, String text) throws Exception {
      ObjectNode a = http.message(text);
      return post(agent, a);
    }

    int click(int agent, String value) throws Exception {
      return post(agent, http.submit(value));
    }

    private int post(int agent, ObjectNode a) throws Exception {
      a.put("serviceUrl", connector.serviceUrl());
      ((ObjectNode) a.get("from")).put("aadObjectId", "reload-agent-" + agent);
      ((ObjectNode) a.get("conversation")).put("id", conversation(agent));
      okhttp3.Request r = new okhttp3.Request.Builder().url("http://127.0.0.1:" + port + "/api/messages")
          .post(okhttp3.RequestBody.create(a.toString(), okhttp3.MediaType.get("application/json"))).build();
      try (okhttp3.Response response = http.http.newCall(r).execute()) {
        return response.code();
      }
    }

    /** The last card's text posted to each conversation. */
    Map<String, String> cardsByConversation(List<FakeConnector.Call> calls) {
      Map<String, String> out = new HashMap<>();
      for (FakeConnector.Call c : calls) {
        if ("POST".equals(c.method()) && c.body() != null && Replies.isCard(c.body())) {
          out.put(c.body().path("conversation").path("id").asText(), Replies.text(Replies.card(c.body())));
        }
      }
      return out;
    }
  }
}
