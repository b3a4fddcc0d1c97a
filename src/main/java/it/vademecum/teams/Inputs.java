package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Serialization;
import it.vademecum.engine.Input;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Maps Teams activities to engine inputs, session keys and the agent's name. */
final class Inputs {

  private static final Pattern GIVEN_NAME = Pattern.compile("\\p{L}[\\p{L}'’-]{0,24}");
  private static final Pattern GIVEN_NAMES = Pattern.compile("\\p{L}[\\p{L}'’-]{0,24}( \\p{L}[\\p{L}'’-]{0,24}){0,2}");

  private static final int MAX_FIELDS = 8;
  private static final int MAX_FIELD_ID = 32;
  /**
   * What of a typed text is looked at, before anything else is done with it: the engine reads
   * 2,000 characters; mentions removed may shorten it, so a little more is kept.
   */
  static final int MAX_TYPED = 8_000;

  private Inputs() {}

  /**
   * A message: the value of an Action.Submit button when it carries one, else the typed text with
   * the bot's @mention removed (channels and group chats).
   */
  public static Input fromMessage(Activity activity) {
    Object value = activity.getValue();
    if (value != null) {
      JsonNode node = Serialization.objectToTree(value);
      if (node != null && node.isObject()) {
        return button(node);
      }
    }
    String text = activity.getText() == null ? "" : activity.getText();
    return Input.text(withoutMentions(text.length() > MAX_TYPED ? text.substring(0, MAX_TYPED) : text).strip());
  }

  /**
   * The text with every {@code <at>…</at>} (any case) replaced by a space, in one pass: each
   * opening tag is matched with the next closing one; an opening tag without one is left as is.
   */
  static String withoutMentions(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int open = indexOfIgnoreCase(text, "<at>", i);
      if (open < 0) {
        break;
      }
      int close = indexOfIgnoreCase(text, "</at>", open + 4);
      if (close < 0) {
        break;
      }
      out.append(text, i, open).append(' ');
      i = close + 5;
    }
    return out.append(text, i, text.length()).toString();
  }

  private static int indexOfIgnoreCase(String text, String tag, int from) {
    for (int i = text.indexOf('<', from); i >= 0 && i + tag.length() <= text.length(); i = text.indexOf('<', i + 1)) {
      if (text.regionMatches(true, i, tag, 0, tag.length())) {
        return i;
      }
    }
    return -1;
  }

  /** The data of an Action.Execute invoke ({@code value.action.data}), as an input. */
  public static Input fromExecute(Object actionData) {
    JsonNode node = actionData == null ? null : Serialization.objectToTree(actionData);
    return node == null || !node.isObject() ? Input.button("") : button(node);
  }

  /** A button's value and, for a form, its text fields (a few, each capped). */
  private static Input button(JsonNode data) {
    Map<String, String> fields = new HashMap<>();
    data.fields().forEachRemaining(f -> {
      if (!f.getKey().equals(Cards.VALUE_KEY) && f.getValue().isTextual() && f.getKey().length() <= MAX_FIELD_ID
          && fields.size() < MAX_FIELDS) {
        String v = f.getValue().asText();
        fields.put(f.getKey(), v.length() > CardText.MAX ? v.substring(0, CardText.MAX) : v);
      }
    });
    return Input.form(data.path(Cards.VALUE_KEY).asText(""), fields);
  }

  /** The tenant of an activity: channelData.tenant.id, else conversation.tenantId. */
  public static Optional<String> tenant(Activity activity) {
    Object data = activity.getChannelData();
    if (data != null) {
      String id = tenantId(data);
      if (!id.isBlank()) {
        return Optional.of(id);
      }
    }
    if (activity.getConversation() != null && activity.getConversation().getTenantId() != null
        && !activity.getConversation().getTenantId().isBlank()) {
      return Optional.of(activity.getConversation().getTenantId());
    }
    return Optional.empty();
  }

  /**
   * channelData.tenant.id as text, "" when absent. The SDK reads channelData into a map: the id is
   * read from it directly, as it is several times a turn; any other shape goes through a JSON tree.
   */
  private static String tenantId(Object data) {
    if (data instanceof JsonNode n) {
      return n.path("tenant").path("id").asText("");
    }
    if (data instanceof Map<?, ?> m) {
      Object tenant = m.get("tenant");
      if (tenant == null && !m.containsKey("tenant")) {
        return "";
      }
      if (tenant instanceof Map<?, ?> t && t.get("id") instanceof String id) {
        return id;
      }
    }
    JsonNode node = Serialization.objectToTree(data);
    return node == null ? "" : node.path("tenant").path("id").asText("");
  }

  /** One session per agent: tenant and AAD object id (Teams user id when there is none). */
  public static String agentKey(Activity activity) {
    ChannelAccount from = activity.getFrom();
    String user = from == null ? "anonimo"
        : from.getAadObjectId() != null && !from.getAadObjectId().isBlank() ? from.getAadObjectId() : from.getId();
    return tenant(activity).orElse("-") + "/" + String.valueOf(user).toLowerCase(Locale.ROOT);
  }

  /**
   * The first word of a display name ("Mario Rossi" → "Mario"), or null when there is none or it
   * is not a plausible given name (letters, apostrophe, hyphen; it goes into customer phrases).
   */
  public static String firstName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      return null;
    }
    String first = displayName.strip().split("[\\s,]+")[0];
    return GIVEN_NAME.matcher(first).matches() ? first : null;
  }

  /**
   * A Teams profile's given name as it goes into customer phrases and cards ("Maria Luisa"), when it
   * is one to three plausible words; else the first word of it, or null.
   */
  public static String givenName(String profileGivenName) {
    if (profileGivenName == null) {
      return null;
    }
    String n = profileGivenName.strip().replaceAll("\\s+", " ");
    return GIVEN_NAMES.matcher(n).matches() ? n : firstName(n);
  }
}
