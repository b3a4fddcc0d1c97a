package it.vademecum.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.Input;
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
}
