package it.vademecum.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.Check;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Generated from the trees: every topic is walked to every leaf by clicking its buttons. */
class EveryLeafTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("@[\\p{L}_]+@");

  /** How to reach a node from the start: the choice labels to click, and the clock for checks. */
  private record Route(List<Integer> choices, Instant at) {}

  @TestFactory
  Stream<DynamicTest> everyLeafOfEveryTopicIsReachableByButtons() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Topic topic : Knowledge.engine().catalog().list()) {
      routes(topic).forEach((leaf, route) -> tests.add(DynamicTest.dynamicTest(topic.id() + " → " + leaf,
          () -> walk(topic, leaf, route))));
    }
    assertEquals(34, Knowledge.engine().catalog().topics().size(), "TOPICS.md lists 34 topics");
    return tests.stream();
  }

  private static void walk(Topic topic, String leaf, Route route) {
    Conversation c = Conversation.at(route.at());
    Reply r = c.press("t:" + topic.id());
    for (int choice : route.choices()) {
      assertEquals(Reply.Kind.QUESTION, r.kind(), r.plainText());
      assertFalse(r.options().isEmpty());
      r = c.press(r.options().get(choice).value());
    }
    if (r.kind() == Reply.Kind.ASK_VALUE) {
      r = c.say("mario.rossi@pec.it");
    }
    assertEquals(Reply.Kind.ANSWER, r.kind(), r.plainText());
    assertEquals(leaf, r.nodeId());
    Answer a = r.answer().orElseThrow();
    assertFalse(a.step().isBlank());
    for (Phrase p : r.phrases()) {
      assertFalse(PLACEHOLDER.matcher(p.text()).find(), "placeholder left in " + p.text());
      assertFalse(p.text().contains("Buongiorno/Buonasera"), p.text());
    }
    assertFalse(PLACEHOLDER.matcher(r.plainText()).find(), r.plainText());
  }

  /** A route to every step: breadth first over choices; checks take the clock that opens the branch. */
  private static Map<String, Route> routes(Topic topic) {
    Map<String, Route> out = new HashMap<>();
    Deque<Object[]> todo = new ArrayDeque<>();
    todo.add(new Object[] {topic.start(), new Route(List.of(), Knowledge.TUESDAY_10)});
    Map<String, Boolean> seen = new HashMap<>();
    while (!todo.isEmpty()) {
      Object[] item = todo.poll();
      String id = (String) item[0];
      Route route = (Route) item[1];
      if (seen.put(id + route.at(), true) != null) {
        continue;
      }
      Node n = topic.node(id);
      if (n instanceof Step) {
        out.putIfAbsent(id, route);
      } else if (n instanceof Check c) {
        todo.add(new Object[] {c.yes(), new Route(route.choices(), Knowledge.TUESDAY_10)});
        todo.add(new Object[] {c.no(), new Route(route.choices(), Knowledge.SATURDAY_10)});
      } else if (n instanceof Question q) {
        for (int i = 0; i < q.choices().size(); i++) {
          List<Integer> next = new ArrayList<>(route.choices());
          next.add(i);
          todo.add(new Object[] {q.choices().get(i).next(), new Route(next, route.at())});
        }
      }
    }
    assertTrue(!out.isEmpty(), topic.id() + " has no reachable step");
    return out;
  }
}
