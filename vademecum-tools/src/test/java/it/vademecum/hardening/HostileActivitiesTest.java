package it.vademecum.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.dialog.Question;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.teams.RateLimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Ten thousand generated and mutated Teams activities against the running server (real engine,
 * real dialogs, a loopback connector): none gets a 5xx, a sentinel agent standing at a question
 * keeps it, and a normal message is answered afterwards.
 */
@Tag("slow")   // ~3 min: out of the default build, run by .ci/run (see vademecum-tools/pom.xml)
class HostileActivitiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SENTINEL = "property-sentinel";
  private static final AtomicInteger TRIES = new AtomicInteger();
  private static final int BATCH = 4;
  private static final ExecutorService SENDERS = Executors.newFixedThreadPool(BATCH);
  private static Rig rig;
  private static Engine engine;
  private static List<ObjectNode> fixtures;

  @BeforeContainer
  static void start() throws Exception {
    engine = new EngineLoader().load(Path.of(System.getProperty("vademecum.dialogs", "dialogs")));
    rig = Rig.start(engine, RateLimiter.Policy.OFF);
    fixtures = fixtures();
    rig.connector().watch(Rig.conversation(SENTINEL));
    assertEquals(200, rig.post(rig.message(SENTINEL, "pagamento non registrato")));
    assertTrue(rig.connector().last(Rig.conversation(SENTINEL)).contains("Come ha pagato il cliente?"));
  }

  @AfterContainer
  static void stop() {
    try {
      // After the storm: the sentinel's question is still there, and a normal message is answered.
      assertTrue(TRIES.get() >= 10_000, "tries: " + TRIES.get());
      assertEquals(200, rig.post(rig.submit(SENTINEL, "c:pagamento-non-registrato:metodo:2")));
      String card = rig.connector().last(Rig.conversation(SENTINEL));
      assertTrue(card.contains("importo del bonifico supera 500"), "the sentinel lost its question: " + card);
      rig.connector().watch(Rig.conversation("after"));
      assertEquals(200, rig.post(rig.message("after", "bonifico di 600 euro fatto ieri non registrato")));
      assertTrue(rig.connector().last(Rig.conversation("after")).contains("pagamenti_billing_aruba"));
    } finally {
      SENDERS.shutdownNow();
      rig.close();
    }
  }

  /** 2,500 tries of 4 activities sent at once (as Bot Service would): 10,000 activities. */
  @Property(tries = 2_500, shrinking = ShrinkingMode.BOUNDED)
  void noActivityGetsAServerError(@ForAll("batches") List<ActivityFuzzer.Case> batch) throws Exception {
    List<Future<Integer>> statuses = new ArrayList<>();
    for (ActivityFuzzer.Case c : batch) {
      statuses.add(SENDERS.submit(() -> rig.post(c.body(), c.contentType())));
    }
    for (int i = 0; i < batch.size(); i++) {
      TRIES.incrementAndGet();
      int status = statuses.get(i).get();
      ActivityFuzzer.Case c = batch.get(i);
      assertTrue(status >= 200 && status < 500, () -> "status " + status + " for " + c.kind() + ": "
          + new String(c.body(), 0, Math.min(c.body().length, 2_000), StandardCharsets.UTF_8));
    }
  }

  @Provide
  Arbitrary<List<ActivityFuzzer.Case>> batches() {
    return hostile().list().ofSize(BATCH);
  }

  private Arbitrary<ActivityFuzzer.Case> hostile() {
    Arbitrary<ActivityFuzzer.Case> mutated = Arbitraries.randoms().map(r -> rig.fuzzer().next(r));
    Arbitrary<ActivityFuzzer.Case> typed = Combinators.combine(Arbitraries.of(fixtures),
        Arbitraries.strings().all().ofMaxLength(400)).as((f, text) -> json("typed", aimed(f).put("text", text)));
    Arbitrary<ActivityFuzzer.Case> forged = Combinators.combine(Arbitraries.of(fixtures), forgedValue(),
        Arbitraries.of(true, false)).as((f, value, execute) -> {
          ObjectNode a = aimed(f);
          if (execute) {
            a.put("type", "invoke").put("name", "adaptiveCard/action");
            a.putObject("value").putObject("action").put("type", "Action.Execute").putObject("data").put("v", value);
          } else {
            a.putObject("value").put("v", value);
          }
          return json("forged", a);
        });
    return Arbitraries.frequencyOf(Tuple.of(6, mutated), Tuple.of(2, typed), Tuple.of(2, forged));
  }

  /** Choices of real nodes with wrong indexes, real nodes of other topics, unknown ids, any string. */
  private Arbitrary<String> forgedValue() {
    List<String> topics = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    engine.catalog().list().forEach(t -> {
      topics.add(t.id());
      t.nodes().values().stream().filter(n -> n instanceof Question).forEach(n -> nodes.add(n.id()));
    });
    Arbitrary<String> topic = Arbitraries.oneOf(Arbitraries.of(topics), Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> node = Arbitraries.oneOf(Arbitraries.of(nodes), Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> choice = Combinators.combine(topic, node, Arbitraries.integers().between(-2, 12))
        .as((t, n, i) -> "c:" + t + ":" + n + ":" + i);
    Arbitrary<String> other = Combinators.combine(Arbitraries.of("t", "e", "k", "c", "x", ""),
        Arbitraries.strings().all().ofMaxLength(40)).as((p, s) -> p + ":" + s);
    return Arbitraries.oneOf(choice, other, Arbitraries.strings().all().ofMaxLength(60));
  }

  private ObjectNode aimed(ObjectNode fixture) {
    ObjectNode a = fixture.deepCopy();
    a.put("serviceUrl", rig.connector().serviceUrl());
    ((ObjectNode) a.get("from")).put("aadObjectId", "typist-" + TRIES.get() % 8);
    return a;
  }

  private static ActivityFuzzer.Case json(String kind, ObjectNode a) {
    return new ActivityFuzzer.Case(kind, "application/json", a.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The Playground fixtures of the tests and the shared ones (in the jar), as starting points. */
  private static List<ObjectNode> fixtures() throws IOException {
    List<ObjectNode> out = new ArrayList<>(ActivityFuzzer.templates());
    Path dir = Path.of("src/test/resources/it/vademecum/teams/fixtures");
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
        for (Path f : files) {
          out.add((ObjectNode) JSON.readTree(f.toFile()));
        }
      }
    }
    return out;
  }
}
