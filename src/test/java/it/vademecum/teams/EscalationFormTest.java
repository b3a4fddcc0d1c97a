package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.vademecum.engine.EscalationForm;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's escalation card is a form, through the real server: its fields, its check, its one-click send. */
class EscalationFormTest {

  private BotUnderTest bot;

  @BeforeEach
  void start() throws Exception {
    bot = new BotUnderTest(null, null);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  private JsonNode lastCard() {
    List<JsonNode> sent = bot.connector.sent();
    return Replies.card(sent.get(0));
  }

  private JsonNode escalatingStep() throws Exception {
    bot.post(bot.message("bonifico di 200 euro fatto 6 giorni fa e non ancora registrato"));
    return lastCard();
  }

  private static JsonNode input(JsonNode card, String id) {
    for (JsonNode el : card.path("body")) {
      if (el.path("type").asText().equals("Input.Text") && el.path("id").asText().equals(id)) {
        return el;
      }
    }
    throw new AssertionError("no input " + id + " in " + card);
  }

  @Test
  void theEscalatingStepIsAFormWithARequiredCheckedTicketANoteSendAndCancel() throws Exception {
    JsonNode card = escalatingStep();
    JsonNode ticket = input(card, EscalationForm.TICKET);
    assertTrue(ticket.path("isRequired").asBoolean());
    assertFalse(ticket.path("label").asText().isBlank());
    assertFalse(ticket.path("errorMessage").asText().isBlank());
    assertFalse(ticket.path("regex").asText().isBlank());
    JsonNode note = input(card, EscalationForm.NOTE);
    assertFalse(note.path("label").asText().isBlank());
    JsonNode send = null;
    for (JsonNode el : card.path("body")) {
      for (JsonNode a : el.path("actions")) {
        if (a.path("title").asText().equals(EscalationForm.SEND)) {
          send = a;
        }
      }
    }
    assertTrue(send != null, card.toString());
    assertEquals("positive", send.path("style").asText());
    var buttons = Replies.buttons(card);
    assertEquals(EscalationForm.CANCEL, buttons.get("Annulla"), buttons.toString());
    assertFalse(buttons.keySet().stream().anyMatch(b -> b.contains("👍") || b.contains("👎")), buttons.toString());
    assertFalse(Replies.text(card).contains("Scrivimi il numero"), "the form, not the typed prompt");
  }

  @Test
  void theFormsRegexRejectsABadTicketAndAcceptsWhatTheBotAccepts() throws Exception {
    Pattern regex = Pattern.compile(input(escalatingStep(), EscalationForm.TICKET).path("regex").asText());
    for (String bad : List.of("boh", "12", "123", "1234567 rm", "ticket", "", "12345678901234567", "<at>1</at>")) {
      assertFalse(regex.matcher(bad).matches(), "accepted «" + bad + "»");
    }
    for (String good : List.of("1234567", "#1234567", "TK-1234567", " 4567890 ")) {
      assertTrue(regex.matcher(good).matches(), "rejected «" + good + "»");
    }
  }

  @Test
  void sendingTheFormQueuesTheEscalationInOneClickAndABadTicketShowsTheFormAgain() throws Exception {
    escalatingStep();
    ObjectNode bad = bot.submit(EscalationForm.FORM);
    ((ObjectNode) bad.path("value")).put(EscalationForm.TICKET, "boh").put(EscalationForm.NOTE, "nota");
    bot.post(bad);
    JsonNode again = lastCard();
    assertTrue(Replies.text(again).contains("Non sembra un numero di ticket valido"), Replies.text(again));
    input(again, EscalationForm.TICKET);

    ObjectNode good = bot.submit(EscalationForm.FORM);
    ((ObjectNode) good.path("value")).put(EscalationForm.TICKET, "4567890").put(EscalationForm.NOTE,
        "il cliente ha la contabile");
    bot.post(good);
    String sent = Replies.text(lastCard());
    assertTrue(sent.contains("Ticket: 4567890") && sent.contains("Nota: il cliente ha la contabile"), sent);
    assertTrue(sent.contains("contatta il TL a mano"), "this bot has no channel: " + sent);
  }
}
