package it.vademecum.teams;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** Teams-shaped activities from the Playground fixtures, pointed at a test connector. */
final class Activities {

  private Activities() {}

  /** A fixture with the connector's service URL and a fresh activity id. */
  static ObjectNode fixture(String name, String serviceUrl) throws IOException {
    try (InputStream in = Activities.class.getResourceAsStream("fixtures/" + name + ".json")) {
      ObjectNode a = (ObjectNode) BotUnderTest.JSON.readTree(in);
      a.put("serviceUrl", serviceUrl);
      a.put("id", UUID.randomUUID().toString());
      return a;
    }
  }

  /** An agent's typed message in their personal chat. */
  static ObjectNode message(String text, String serviceUrl) throws IOException {
    ObjectNode a = fixture("personal-message", serviceUrl);
    a.put("text", text);
    return a;
  }

  /** An Action.Submit click in the personal chat: a message whose value is the button's data. */
  static ObjectNode submit(String value, String serviceUrl) throws IOException {
    ObjectNode a = fixture("personal-card-submit", serviceUrl);
    a.putObject("value").put(Cards.VALUE_KEY, value);
    return a;
  }

  /** An Action.Execute click in the personal chat: an adaptiveCard/action invoke with the choices' verb. */
  static ObjectNode execute(String value, String serviceUrl) throws IOException {
    ObjectNode a = fixture("personal-card-execute-invoke", serviceUrl);
    ObjectNode action = a.putObject("value").putObject("action");
    action.put("type", "Action.Execute").put("title", "x").put("verb", Cards.CHOICE_VERB);
    action.putObject("data").put(Cards.VALUE_KEY, value);
    return a;
  }

  /** A team lead's Action.Submit on an escalation card, in the channel's thread of that card. */
  static ObjectNode leadSubmit(String channel, long id, String cardId, String name, String aad, String serviceUrl)
      throws IOException {
    ObjectNode a = fixture("channel-message-mention", serviceUrl);
    a.remove("text");
    a.put("replyToId", cardId);
    ((ObjectNode) a.path("conversation")).put("id", channel + ";messageid=" + cardId);
    ((ObjectNode) a.path("from")).put("name", name).put("aadObjectId", aad).put("id", "29:" + aad);
    ((ObjectNode) a.path("channelData").path("channel")).put("id", channel);
    a.putObject("value").put(Cards.VALUE_KEY, ActionCodec.encode(new Action.Take(id)));
    return a;
  }

  /** A team lead's Action.Execute on "Prendo in carico": an adaptiveCard/action invoke in the thread. */
  static ObjectNode leadExecute(String channel, long id, String cardId, String name, String aad, String serviceUrl)
      throws IOException {
    ObjectNode a = leadSubmit(channel, id, cardId, name, aad, serviceUrl);
    a.remove("value");
    a.put("type", "invoke").put("name", "adaptiveCard/action");
    ObjectNode action = a.putObject("value").putObject("action");
    action.put("type", "Action.Execute").put("title", EscalationCard.TAKE).put("verb", EscalationCard.TAKE_VERB);
    action.putObject("data").put(Cards.VALUE_KEY, ActionCodec.encode(new Action.Take(id)));
    return a;
  }
}
