package it.vademecum.teams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The front door of POST /api/messages: decides from the raw request whether it is a Teams
 * activity the bot can answer, before the SDK sees it. Every refusal is a 4xx with a short English
 * reason for the caller and a fixed token for the log (never the body: it may hold customer data).
 * The body is read at most to {@link #MAX_BODY_BYTES} + 1 byte.
 */
final class ActivityValidator {

  /** Bot Framework activities are far smaller; Teams caps a message at about 28 KB. */
  public static final int MAX_BODY_BYTES = 256 * 1024;
  /** One JSON value and nothing after it: "{…} garbage" is no activity. */
  private static final ObjectReader ONE_VALUE = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().reader();

  /** Every activity type of the Bot Framework schema; anything else is refused. */
  private static final Set<String> KNOWN_TYPES = Set.of(ActivityTypes.MESSAGE, ActivityTypes.CONTACT_RELATION_UPDATE,
      ActivityTypes.CONVERSATION_UPDATE, ActivityTypes.TYPING, ActivityTypes.END_OF_CONVERSATION,
      ActivityTypes.EVENT, ActivityTypes.INVOKE, ActivityTypes.DELETE_USER_DATA, ActivityTypes.MESSAGE_UPDATE,
      ActivityTypes.MESSAGE_DELETE, ActivityTypes.INSTALLATION_UPDATE, ActivityTypes.MESSAGE_REACTION,
      ActivityTypes.SUGGESTION, ActivityTypes.TRACE, ActivityTypes.HANDOFF, ActivityTypes.COMMAND,
      ActivityTypes.COMMAND_RESULT, ActivityTypes.INVOKE_RESPONSE);

  /** Ids go into connector URLs and headers: Teams ids are printable ASCII ("19:…@thread.tacv2;messageid=…"). */
  private static final Pattern ID = Pattern.compile("[\\x21-\\x7E&&[^/\\\\?#%]]{1,1024}");

  /** Why a request was refused: the HTTP status, the caller's message and the log token. */
  public record Rejection(int status, String message, String reason) {}

  /** Either an activity or the reason there is none. */
  public record Result(Activity activity, Rejection rejection) {

    public boolean accepted() {
      return rejection == null;
    }
  }

  private final boolean localMode;

  /**
   * @param localMode no credentials (the Playground, tests): an http serviceUrl is allowed; with
   *     credentials only https, or http to a loopback address (an emulator on the same machine)
   */
  public ActivityValidator(boolean localMode) {
    this.localMode = localMode;
  }

  /**
   * Reads and checks one request.
   *
   * @param contentType the Content-Type header, or null
   * @param contentLength the declared length, -1 when unknown (chunked)
   */
  public Result validate(String contentType, long contentLength, InputStream body) {
    if (!isJson(contentType)) {
      return refuse(415, "Content-Type must be application/json", "content-type");
    }
    if (contentLength > MAX_BODY_BYTES) {
      return refuse(413, "Activity larger than " + MAX_BODY_BYTES + " bytes", "too-large");
    }
    byte[] bytes;
    try {
      bytes = readAtMost(body, MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      return refuse(400, "Unreadable body", "unreadable-body");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      return refuse(413, "Activity larger than " + MAX_BODY_BYTES + " bytes", "too-large");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return refuse(400, "Body is not UTF-8", "not-utf8");
    }
    JsonNode tree;
    try {
      tree = ONE_VALUE.readTree(text);
    } catch (IOException | RuntimeException e) {
      return refuse(400, "Malformed JSON", "malformed-json");
    }
    if (tree == null || !tree.isObject()) {
      return refuse(400, "An activity is a JSON object", "not-an-object");
    }
    Rejection shape = shape(tree);
    if (shape != null) {
      return new Result(null, shape);
    }
    Activity activity;
    try {
      activity = Serialization.treeToValue(tree, Activity.class);
    } catch (Exception e) {
      return refuse(400, "Activity fields have the wrong type", "wrong-types");
    }
    if (activity == null) {
      return refuse(400, "An activity is a JSON object", "not-an-object");
    }
    return new Result(activity, null);
  }

  /** The fields every reply depends on, with their JSON types. */
  private Rejection shape(JsonNode a) {
    JsonNode type = a.get("type");
    if (type == null || !type.isTextual() || type.asText().isBlank()) {
      return new Rejection(400, "Missing activity type", "no-type");
    }
    if (!KNOWN_TYPES.contains(type.asText())) {
      return new Rejection(400, "Unknown activity type", "unknown-type");
    }
    Rejection url = serviceUrl(a.get("serviceUrl"));
    if (url != null) {
      return url;
    }
    if (!hasId(a.get("conversation"))) {
      return new Rejection(400, "Missing or invalid conversation.id", "no-conversation");
    }
    if (!hasId(a.get("from"))) {
      return new Rejection(400, "Missing or invalid from.id", "no-from");
    }
    if (!hasId(a.get("recipient"))) {
      return new Rejection(400, "Missing or invalid recipient.id", "no-recipient");
    }
    for (String field : new String[] {"id", "replyToId"}) {
      JsonNode f = a.get(field);
      if (f != null && !f.isNull() && !(f.isTextual() && ID.matcher(f.asText()).matches())) {
        return new Rejection(400, "Invalid " + field, "bad-id");
      }
    }
    for (String field : new String[] {"text", "name", "channelId", "id", "locale", "textFormat"}) {
      JsonNode f = a.get(field);
      if (f != null && !f.isNull() && !f.isTextual()) {
        return new Rejection(400, "Field " + field + " must be a string", "wrong-types");
      }
    }
    for (String field : new String[] {"entities", "attachments", "membersAdded", "membersRemoved"}) {
      JsonNode f = a.get(field);
      if (f != null && !f.isNull() && !f.isArray()) {
        return new Rejection(400, "Field " + field + " must be an array", "wrong-types");
      }
    }
    for (String field : new String[] {"membersAdded", "membersRemoved"}) {
      for (JsonNode member : a.path(field)) {
        if (!hasId(member)) {
          return new Rejection(400, "Every member of " + field + " needs an id", "bad-member");
        }
      }
    }
    JsonNode channelData = a.get("channelData");
    if (channelData != null && !channelData.isNull() && !channelData.isObject()) {
      return new Rejection(400, "Field channelData must be an object", "wrong-types");
    }
    JsonNode locale = a.get("locale");
    if (locale != null && locale.isTextual() && !isLanguageTag(locale.asText())) {
      return new Rejection(400, "Invalid locale", "bad-locale");
    }
    return sdkDispatch(a, type.asText());
  }

  /**
   * What the SDK's Teams handler dereferences without checking: a Teams event needs its name; a
   * Teams conversationUpdate without members added or removed needs channelData.eventType; an
   * invoke needs a name, an adaptiveCard/action invoke value.action.type.
   */
  private static Rejection sdkDispatch(JsonNode a, String type) {
    boolean teams = "msteams".equals(a.path("channelId").asText(""));
    if (teams && ActivityTypes.EVENT.equals(type) && !a.path("name").isTextual()) {
      return new Rejection(400, "A Teams event needs a name", "no-event-name");
    }
    if (teams && ActivityTypes.CONVERSATION_UPDATE.equals(type) && a.path("channelData").isObject()
        && !a.path("membersAdded").isArray() && !a.path("membersRemoved").isArray()
        && !a.path("channelData").path("eventType").isTextual()) {
      return new Rejection(400, "A Teams conversationUpdate needs channelData.eventType", "no-event-type");
    }
    if (ActivityTypes.INVOKE.equals(type) && !a.path("name").isTextual()) {
      return new Rejection(400, "An invoke needs a name", "no-invoke-name");
    }
    if (ActivityTypes.INVOKE.equals(type) && "adaptiveCard/action".equals(a.path("name").asText(""))
        && a.path("value").path("action").isObject() && !a.path("value").path("action").path("type").isTextual()) {
      return new Rejection(400, "An adaptiveCard/action invoke needs value.action.type", "no-action-type");
    }
    return null;
  }

  private static boolean isLanguageTag(String tag) {
    if (tag.isEmpty()) {
      return true;
    }
    try {
      new Locale.Builder().setLanguageTag(tag);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Rejection serviceUrl(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      return new Rejection(400, "Missing serviceUrl", "no-service-url");
    }
    URI uri;
    try {
      uri = new URI(node.asText());
    } catch (Exception e) {
      return new Rejection(400, "Invalid serviceUrl", "bad-service-url");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return new Rejection(400, "Invalid serviceUrl", "bad-service-url");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      // The SDK appends paths to it: a query or fragment would swallow them, user info leak them.
      return new Rejection(400, "serviceUrl must not have a query, fragment or user info", "bad-service-url");
    }
    if (!scheme.equals("https") && !localMode && !isLoopback(uri.getHost())) {
      return new Rejection(400, "serviceUrl must be https", "service-url-not-https");
    }
    return null;
  }

  /** A connector on this machine (an emulator, a test): it cannot be reached from elsewhere. */
  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
  }

  /** An account, conversation or activity id: printable ASCII that cannot break a connector URL or header. */
  private static boolean hasId(JsonNode account) {
    return account != null && account.isObject() && account.path("id").isTextual()
        && ID.matcher(account.path("id").asText()).matches();
  }

  /** application/json or application/*+json, any parameters (charset). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
  }

  /** Up to {@code limit} bytes; an activity is a few kilobytes, so no 16 KB buffer per request. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  private static Result refuse(int status, String message, String reason) {
    return new Result(null, new Rejection(status, message, reason));
  }
}
