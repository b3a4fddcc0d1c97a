package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.Input;
import it.vademecum.engine.Option;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Reply;
import it.vademecum.engine.TurnContext;
import it.vademecum.session.Session;
import org.junit.jupiter.api.Test;

class ConsoleRendererTest {

  @Test
  void internalRulesAreShownMarkedWithTheirOwnerApartFromTheNotes() {
    Reply r = Knowledge.engine().handle(Session.EMPTY, Input.button("t:saluto-chiamata"),
        new TurnContext(Knowledge.TUESDAY_10, "Mario", false)).reply();
    String text = ConsoleRenderer.render(r);
    assertTrue(text.contains("INTERNA: Regola interna (Responsabile contenuti PEC (team lead)): La frase dice "
        + "«Buongiorno» prima delle 14:00"), text);
  }

  private static Reply reply(String text) {
    return Knowledge.engine().handle(Session.EMPTY, Input.text(text), new TurnContext(Knowledge.TUESDAY_10, "Mario",
        false)).reply();
  }

  @Test
  void aTopicHasTheSameNumberInTheNoTopicAnswerAndInTheListOfTopics() {
    Reply notFound = reply("la macchinetta del caffè è rotta");
    Reply all = reply("argomenti");
    assertTrue(!notFound.sections().isEmpty() && !notFound.options().isEmpty(), ConsoleRenderer.render(notFound));
    java.util.List<String> a = ConsoleRenderer.numbered(notFound).stream().map(Option::label).toList();
    java.util.List<String> b = ConsoleRenderer.numbered(all).stream().map(Option::label).toList();
    int topics = all.sections().stream().mapToInt(x -> x.options().size()).sum();
    assertEquals(b.subList(0, topics), a.subList(0, topics));
    assertTrue(ConsoleRenderer.render(notFound).contains("  1) " + a.get(0) + "\n"), ConsoleRenderer.render(notFound));
  }
}
