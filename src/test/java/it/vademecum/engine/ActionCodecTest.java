package it.vademecum.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The card values are a contract with every card already posted in Teams: the same string must
 * mean the same action after a release. Each action reads back as itself; anything else is unknown.
 */
class ActionCodecTest {

  @Test
  void eachActionIsWrittenAsTheCardsAlreadyPostedCarryIt() {
    assertEquals("c:pec-piena:spazio:2", ActionCodec.encode(new Action.Choose("pec-piena", "spazio", 2)));
    assertEquals("t:pec-piena", ActionCodec.encode(new Action.StartTopic("pec-piena")));
    assertEquals("e:start", ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.START)));
    assertEquals("e:form", ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.FORM)));
    assertEquals("e:nonote", ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.NO_NOTE)));
    assertEquals("e:send", ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.SEND)));
    assertEquals("e:cancel", ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.CANCEL)));
    assertEquals("k:pausa fine", ActionCodec.encode(new Action.Command("pausa fine")));
    assertEquals("f:up:pec-piena:svuota", ActionCodec.encode(new Action.Rate(true, "pec-piena", "svuota")));
    assertEquals("f:down:pec-piena:svuota", ActionCodec.encode(new Action.Rate(false, "pec-piena", "svuota")));
    assertEquals("f:skip", ActionCodec.encode(new Action.SkipReason()));
    assertEquals("esc:take:42", ActionCodec.encode(new Action.Take(42)));
    assertEquals("esc:view:42", ActionCodec.encode(new Action.View(42)));
  }

  @Test
  void everyActionReadsBackAsItself() {
    List<Action> all = List.of(new Action.Choose("a", "b", 0), new Action.StartTopic("a"),
        new Action.Escalate(Action.Escalate.Step.SEND), new Action.Command("suggerimenti accetta 3"),
        new Action.Rate(false, "a", "b"), new Action.SkipReason(), new Action.Take(7), new Action.View(7));
    for (Action a : all) {
      assertEquals(a, ActionCodec.decode(ActionCodec.encode(a)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "c", "c:", "c:::", "c:a:b:x", "c:a:b:-1", "c:a:b:99999999999", "t:a:b", "e:",
      "e:rm", "k:a:b", "esc:take:", "esc:take:x", "esc:drop:1", "x:y", "::::", "😀"})
  void anyOtherValueIsUnknownNeverAnError(String value) {
    assertEquals(new Action.Unknown(value), ActionCodec.decode(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"f:", "f:up", "f:up:a", "f:maybe:a:b", "f:down:a:b:extra"})
  void aDamagedRatingIsABadRatingSoThatItIsRefusedAsARating(String value) {
    assertEquals(new Action.BadRating(value), ActionCodec.decode(value));
  }

  @Test
  void aNullValueIsUnknown() {
    assertEquals(new Action.Unknown(""), ActionCodec.decode(null));
  }
}
