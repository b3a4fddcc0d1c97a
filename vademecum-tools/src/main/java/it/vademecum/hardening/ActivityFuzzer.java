package it.vademecum.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes hostile variants of real Teams activities (the Playground fixtures): nasty texts, forged
 * button values, fields removed or of the wrong type, unknown types, invalid service URLs, broken
 * JSON, wrong content types and oversized bodies. Deterministic for a given {@link Random}.
 * The service URL of the well-formed ones points at the given connector.
 */
public final class ActivityFuzzer {

  /** One request: what it is (for the figures), its Content-Type (null: none) and its body. */
  public record Case(String kind, String contentType, byte[] body) {}

  /** Where the Playground fixtures are, on the classpath. */
  public static final List<String> FIXTURES = List.of("personal-message", "personal-card-submit",
      "personal-card-execute-invoke", "personal-installation-update", "personal-members-added",
      "channel-message-mention", "channel-card-submit", "channel-renamed", "team-installation-update");

  /** Texts agents paste, and worse: emoji, bidi marks, NUL, 10,000 characters, only spaces, markup. */
  public static final List<String> NASTY_TEXTS = List.of(
      "", " ", "          ", "\t\n\r", "\u0000", "ciao\u0000mondo", "😀😀😀 🇮🇹 👩‍💻", "\u202Ebonifico non registrato",
      "\u200F\u200E\u2067pec\u2069 piena", "\uFEFFcasella piena", "a".repeat(10_000),
      "bonifico ".repeat(1_200), "pagamento non registrato", "bonifico di 600 euro non registrato",
      "casella pec piena", "indietro", "ricomincia", "aiuto", "argomenti", "orari", "menu", "nome Mario",
      "nome <at>Capo</at>", "nome [x](http://evil.example)", "nome 😀", "nome " + "a".repeat(300),
      "<at>Test Bot</at>", "<at>Test Bot</at> <at>Altro</at> ciao", "<script>alert(1)</script>",
      "[clicca qui](http://evil.example) **urgente**", "mario.rossi@pec.it", "ticket 1234567", "#12345678",
      "1", "99", "-1", "sì", "no", "Sì!", "\uD800", "\uDFFF\uD800", "%00%0a", "${jndi:ldap://x}", "' OR 1=1 --",
      "\\u0000", "😀".repeat(3_000), "ﷺ".repeat(500), "ÀÉÌÒÙ àèìòù çñß", "تم الدفع ولكن", "付款未登记",
      "<at>".repeat(40_000), "<AT>everyone</AT> bonifico", "<At>x</aT><at>" + "y".repeat(5_000));

  /** Invoke names Teams sends to bots that offer more than cards; this bot offers none of them. */
  public static final List<String> INVOKE_NAMES = List.of("adaptiveCard/action", "fileConsent/invoke",
      "composeExtension/query", "composeExtension/submitAction", "composeExtension/fetchTask", "task/fetch",
      "task/submit", "tab/fetch", "tab/submit", "actionableMessage/executeAction", "signin/verifyState",
      "config/fetch", "healthCheck");

  /** Button values no card ever carried: unknown topics and nodes, another topic's choices, junk. */
  public static final List<String> FORGED_VALUES = List.of(
      "", "c", "c:", "c:::", "c:nope:nope:0", "c:pagamento-non-registrato:nope:0",
      "c:pagamento-non-registrato:metodo:99", "c:pagamento-non-registrato:metodo:-1",
      "c:pagamento-non-registrato:metodo:x", "c:pagamento-non-registrato:importo:0",
      "c:pagamento-non-registrato:metodo:2", "c:casella-piena:nope:1", "t:", "t:nope", "t:../../etc/passwd",
      "t:pagamento-non-registrato", "t:pagamento-non-registrato:extra", "e:send", "e:start", "e:cancel",
      "e:nonote", "e:", "e:rm", "k:indietro", "k:ricomincia", "k:aiuto", "k:", "k:nope", "x:y", "::::",
      "c:pagamento-non-registrato:metodo:99999999999999999999", "\u0000", "😀", "a".repeat(5_000));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> TYPES = List.of("message", "invoke", "conversationUpdate",
      "installationUpdate", "messageReaction", "typing", "event", "endOfConversation", "messageUpdate",
      "messageDelete", "trace", "handoff", "MESSAGE", "Message", "", " ", "messages", "unknown", "<b>x</b>",
      "message\u0000");
  private static final List<String> BAD_URLS = List.of("", " ", "not a url", "ftp://127.0.0.1/x", "file:///etc/passwd",
      "javascript:alert(1)", "http://", "https://", "//127.0.0.1/x", "http:/127.0.0.1", "http://[::1",
      "mailto:x@y.it", "\u0000", "http://exa mple.com", "http://127.0.0.1/x?y=1", "http://127.0.0.1/x#f",
      "http://user:pw@127.0.0.1/x");
  private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/xml", "text/json", "application/jsonp");

  private final List<ObjectNode> templates;
  private final String serviceUrl;

  public ActivityFuzzer(String serviceUrl) {
    this.serviceUrl = serviceUrl;
    this.templates = templates();
  }

  /** The Playground fixtures, as shipped in the jar. */
  public static List<ObjectNode> templates() {
    List<ObjectNode> out = new ArrayList<>();
    for (String name : FIXTURES) {
      try (InputStream in = ActivityFuzzer.class.getResourceAsStream("activities/" + name + ".json")) {
        if (in == null) {
          throw new IllegalStateException("missing fixture " + name);
        }
        out.add((ObjectNode) JSON.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** A well-formed activity from a fixture, aimed at the connector, from one of {@code agents} agents. */
  public ObjectNode base(Random r, int agents) {
    ObjectNode a = templates.get(r.nextInt(templates.size())).deepCopy();
    a.put("serviceUrl", serviceUrl);
    a.put("id", new UUID(r.nextLong(), r.nextLong()).toString());
    if (a.path("from").isObject()) {
      ((ObjectNode) a.get("from")).put("aadObjectId", "fuzz-agent-" + r.nextInt(Math.max(1, agents)));
    }
    return a;
  }

  /** One hostile request. */
  public Case next(Random r) {
    int dice = r.nextInt(1000);
    if (dice < 30) {
      return junk(r);
    }
    if (dice < 50) {
      byte[] body = base(r, 16).toString().getBytes(StandardCharsets.UTF_8);
      String type = r.nextInt(4) == 0 ? null : CONTENT_TYPES.get(r.nextInt(CONTENT_TYPES.size()));
      return new Case("content-type", type, body);
    }
    if (dice < 53) {
      ObjectNode a = base(r, 16);
      a.put("text", "x".repeat(300 * 1024));
      return new Case("huge", "application/json", a.toString().getBytes(StandardCharsets.UTF_8));
    }
    ObjectNode a = base(r, 16);
    int mutations = 1 + r.nextInt(3);
    StringBuilder kind = new StringBuilder();
    for (int i = 0; i < mutations; i++) {
      kind.append(i == 0 ? "" : "+").append(mutate(a, r));
    }
    String type = r.nextBoolean() ? "application/json" : "application/json; charset=utf-8";
    return new Case(kind.toString(), type, a.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String mutate(ObjectNode a, Random r) {
    switch (r.nextInt(9)) {
      case 0, 1 -> {
        a.put("text", NASTY_TEXTS.get(r.nextInt(NASTY_TEXTS.size())));
        return "text";
      }
      case 2, 3 -> {
        forgedValue(a, r);
        return "value";
      }
      case 4 -> {
        removeSomething(a, r);
        return "remove";
      }
      case 5 -> {
        replaceSomething(a, r);
        return "retype";
      }
      case 6 -> {
        if (r.nextBoolean()) {
          a.put("type", TYPES.get(r.nextInt(TYPES.size())));
        } else {
          a.set("type", randomValue(r, 2));
        }
        return "type";
      }
      case 7 -> {
        if (r.nextInt(3) == 0) {
          a.set("serviceUrl", randomValue(r, 1));
        } else {
          a.put("serviceUrl", BAD_URLS.get(r.nextInt(BAD_URLS.size())));
        }
        return "service-url";
      }
      default -> {
        a.put("name", r.nextBoolean() ? INVOKE_NAMES.get(r.nextInt(INVOKE_NAMES.size()))
            : NASTY_TEXTS.get(r.nextInt(NASTY_TEXTS.size())));
        if (r.nextInt(4) == 0) {
          a.set("value", randomValue(r, 2));
        } else {
          forgedValue(a, r);
        }
        return "invoke-name";
      }
    }
  }

  /** A button value as Action.Submit (value.v) or Action.Execute (value.action.data.v) carries it. */
  private static void forgedValue(ObjectNode a, Random r) {
    String v = FORGED_VALUES.get(r.nextInt(FORGED_VALUES.size()));
    switch (r.nextInt(5)) {
      case 0 -> a.putObject("value").put("v", v);
      case 1 -> a.putObject("value").putObject("action").put("type", "Action.Execute").putObject("data").put("v", v);
      case 2 -> a.set("value", randomValue(r, 3));
      case 3 -> a.putObject("value").set("v", randomValue(r, 2));
      default -> a.putObject("value").putObject("action").set("data", randomValue(r, 2));
    }
  }

  private static void removeSomething(ObjectNode a, Random r) {
    List<JsonNode[]> slots = new ArrayList<>();
    collect(a, slots);
    JsonNode[] slot = slots.get(r.nextInt(slots.size()));
    ObjectNode parent = (ObjectNode) slot[0];
    parent.remove(slot[1].asText());
  }

  private static void replaceSomething(ObjectNode a, Random r) {
    List<JsonNode[]> slots = new ArrayList<>();
    collect(a, slots);
    JsonNode[] slot = slots.get(r.nextInt(slots.size()));
    ((ObjectNode) slot[0]).set(slot[1].asText(), randomValue(r, 3));
  }

  /** Every (object, field name) pair of the tree. */
  private static void collect(JsonNode node, List<JsonNode[]> out) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(f -> {
        out.add(new JsonNode[] {node, NODES.textNode(f)});
        collect(node.get(f), out);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  static JsonNode randomValue(Random r, int depth) {
    switch (r.nextInt(depth <= 0 ? 6 : 8)) {
      case 0 -> {
        return NODES.nullNode();
      }
      case 1 -> {
        return NODES.booleanNode(r.nextBoolean());
      }
      case 2 -> {
        return NODES.numberNode(r.nextInt(5) == 0 ? r.nextDouble() * 1e300 : r.nextLong());
      }
      case 3, 4 -> {
        return NODES.textNode(NASTY_TEXTS.get(r.nextInt(NASTY_TEXTS.size())));
      }
      case 5 -> {
        return NODES.textNode(FORGED_VALUES.get(r.nextInt(FORGED_VALUES.size())));
      }
      case 6 -> {
        ArrayNode arr = NODES.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          arr.add(randomValue(r, depth - 1));
        }
        return arr;
      }
      default -> {
        ObjectNode o = NODES.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(List.of("id", "v", "type", "name", "text", "action", "data").get(r.nextInt(7)), randomValue(r, depth - 1));
        }
        return o;
      }
    }
  }

  private Case junk(Random r) {
    String base = base(r, 16).toString();
    String body = switch (r.nextInt(10)) {
      case 0 -> "";
      case 1 -> "null";
      case 2 -> "[]";
      case 3 -> "123";
      case 4 -> "\"message\"";
      case 5 -> base.substring(0, r.nextInt(base.length()));
      case 6 -> "[".repeat(5_000) + "]".repeat(5_000);
      case 7 -> "{\"type\":\"message\",\"text\":\"" + "\\".repeat(3) + "\"}";
      case 8 -> base.replace("\"type\"", "\"type\":\"message\",\"type\"");
      default -> null;
    };
    if (body == null) {
      byte[] bytes = new byte[1 + r.nextInt(2048)];
      r.nextBytes(bytes);
      return new Case("junk-bytes", "application/json", bytes);
    }
    return new Case("junk", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }
}
