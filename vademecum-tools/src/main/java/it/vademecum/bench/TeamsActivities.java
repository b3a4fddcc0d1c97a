package it.vademecum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Teams-shaped activities for simulated agents, from activities captured with the Agents
 * Playground (a typed message, an Action.Submit click, an Action.Execute invoke): each agent its own conversation, Teams
 * user id and AAD object id, and the benchmark's connector as serviceUrl.
 */
public final class TeamsActivities {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode message;
  private final ObjectNode submit;
  private final ObjectNode execute;
  private final String serviceUrl;

  public TeamsActivities(String serviceUrl) {
    this.serviceUrl = serviceUrl;
    this.message = load("personal-message.json");
    this.submit = load("personal-card-submit.json");
    this.execute = load("personal-card-execute-invoke.json");
  }

  /** Who is writing: one simulated agent in one personal chat with one bot. */
  public record Sender(String conversationId, String userId, String aadObjectId, String name) {}

  public byte[] text(Sender s, String activityId, String text) {
    ObjectNode a = fill(message.deepCopy(), s, activityId);
    a.put("text", text);
    return bytes(a);
  }

  /**
   * An Action.Submit click: a message whose value is the button's data, answering the card the
   * connector knows by {@code cardId} (as Teams sends it: replyToId), or none when null.
   */
  public byte[] click(Sender s, String activityId, String value, String cardId) {
    ObjectNode a = fill(submit.deepCopy(), s, activityId);
    a.putObject("value").put("v", value);
    if (cardId == null) {
      a.remove("replyToId");
    } else {
      a.put("replyToId", cardId);
    }
    return bytes(a);
  }

  /**
   * An Action.Execute click: an {@code adaptiveCard/action} invoke whose action carries the
   * button's data and the choices' verb, answering the card known by {@code cardId} (or none).
   */
  public byte[] execute(Sender s, String activityId, String value, String cardId) {
    ObjectNode a = fill(execute.deepCopy(), s, activityId);
    ObjectNode action = a.putObject("value").putObject("action");
    action.put("type", "Action.Execute").put("title", "scelta").put("verb", "scegli");
    action.putObject("data").put("v", value);
    if (cardId == null) {
      a.remove("replyToId");
    } else {
      a.put("replyToId", cardId);
    }
    return bytes(a);
  }

  private ObjectNode fill(ObjectNode a, Sender s, String activityId) {
    a.put("id", activityId);
    a.put("serviceUrl", serviceUrl);
    ((ObjectNode) a.get("from")).put("id", s.userId()).put("name", s.name()).put("aadObjectId", s.aadObjectId());
    ((ObjectNode) a.get("conversation")).put("id", s.conversationId());
    return a;
  }

  private static byte[] bytes(ObjectNode a) {
    try {
      return JSON.writeValueAsBytes(a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode load(String name) {
    try (InputStream in = TeamsActivities.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
