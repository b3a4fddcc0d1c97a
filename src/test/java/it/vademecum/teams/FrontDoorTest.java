package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Bad requests at /api/messages: a clear 4xx, never a 5xx or a stack trace, one log line without the text. */
class FrontDoorTest {

  private BotUnderTest bot;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger serverLog = (Logger) LoggerFactory.getLogger(TeamsServer.class);

  @BeforeEach
  void start() throws Exception {
    bot = new BotUnderTest(null, null);
    logs.start();
    serverLog.addAppender(logs);
  }

  @AfterEach
  void stop() throws Exception {
    serverLog.detachAppender(logs);
    bot.close();
  }

  private void assertRefused(int status, String body, BotUnderTest.Answer a) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.body().startsWith("{\"error\":"), a.body());
    assertFalse(a.body().contains("Exception") || a.body().contains("\tat ") || a.body().contains(".java"), a.body());
    assertTrue(bot.connector.drain().isEmpty(), "nothing reaches the connector");
  }

  @Test
  void malformedJsonIs400() throws Exception {
    assertRefused(400, "", bot.post("{\"type\": \"message\", \"text\": ", null));
    assertRefused(400, "", bot.post("[]", null));
    assertRefused(400, "", bot.post("", null));
    assertRefused(400, "", bot.post("[".repeat(5_000) + "]".repeat(5_000), null));
    // One activity and nothing after it: what follows would be read by nobody, or by someone else.
    String valid = bot.message("ciao").toString();
    assertRefused(400, "", bot.post(valid + " garbage", null));
    assertRefused(400, "", bot.post(valid + "{}", null));
    assertEquals(200, bot.post(valid + " \n", null).status(), "white space after the object is fine");
  }

  @Test
  void missingFromConversationOrServiceUrlIs400() throws Exception {
    for (String field : List.of("from", "conversation", "serviceUrl", "recipient", "type")) {
      ObjectNode a = bot.message("ciao");
      a.remove(field);
      BotUnderTest.Answer r = bot.post(a);
      assertRefused(400, "", r);
      assertTrue(r.body().contains(field.equals("type") ? "type" : field), r.body());
    }
    ObjectNode noId = bot.message("ciao");
    ((ObjectNode) noId.get("conversation")).remove("id");
    assertRefused(400, "", bot.post(noId));
  }

  @Test
  void wrongTypesAre400() throws Exception {
    ObjectNode a = bot.message("ciao");
    a.putArray("text").add(1);
    assertRefused(400, "", bot.post(a));
    ObjectNode b = bot.message("ciao");
    b.put("from", "not an account");
    assertRefused(400, "", bot.post(b));
    ObjectNode c = bot.message("ciao");
    c.put("timestamp", "yesterday");
    assertRefused(400, "", bot.post(c));
    ObjectNode d = bot.message("ciao");
    d.put("locale", "sì, certo");
    assertRefused(400, "", bot.post(d));
  }

  @Test
  void unknownActivityTypesAre400AndKnownOnesTheBotIgnoresAre200() throws Exception {
    ObjectNode a = bot.message("ciao");
    a.put("type", "pizza");
    assertRefused(400, "", bot.post(a));
    ObjectNode typing = bot.message("ciao");
    typing.put("type", "typing");
    assertEquals(200, bot.post(typing).status());
  }

  @Test
  void unsupportedInvokesAre400Not501() throws Exception {
    ObjectNode a = bot.message("ciao");
    a.put("type", "invoke").put("name", "composeExtension/unknown");
    BotUnderTest.Answer r = bot.post(a);
    assertEquals(400, r.status(), r.body());
    ObjectNode nameless = bot.fixture("channel-message-mention");
    nameless.put("type", "invoke");
    BotUnderTest.Answer n = bot.post(nameless);
    assertEquals(400, n.status(), n.body());
    nameless.remove("channelId");
    BotUnderTest.Answer m = bot.post(nameless);
    assertEquals(400, m.status(), m.body());
  }

  @Test
  void invokesTheBotDoesNotOfferAre400WithoutInternalsWhateverTheirValue() throws Exception {
    String[] names = {"fileConsent/invoke", "composeExtension/query", "composeExtension/submitAction",
        "composeExtension/fetchTask", "task/fetch", "task/submit", "tab/fetch", "tab/submit",
        "actionableMessage/executeAction", "signin/verifyState", "config/fetch", "nobody/knows"};
    String[] values = {"{}", "\"x\"", "[1]", "null", "{\"action\":\"x\",\"context\":\"y\",\"data\":\"z\"}"};
    for (String name : names) {
      for (String value : values) {
        ObjectNode a = bot.fixture("personal-card-execute-invoke");
        a.put("name", name);
        a.set("value", BotUnderTest.JSON.readTree(value));
        BotUnderTest.Answer r = bot.post(a);
        assertEquals(400, r.status(), name + " " + value + ": " + r.body());
        assertEquals("{\"error\":\"Unsupported invoke\"}", r.body(), name + " " + value);
      }
    }
    for (String value : values) {
      ObjectNode a = bot.fixture("personal-card-execute-invoke");
      a.set("value", BotUnderTest.JSON.readTree(value));
      BotUnderTest.Answer r = bot.post(a);
      assertTrue(r.status() == 200 || r.status() == 400, value + ": " + r.status());
      assertFalse(r.body().contains("Exception") || r.body().contains("Cannot "), r.body());
    }
  }

  @Test
  void aServiceUrlWithAQueryFragmentOrUserInfoIsRefused() throws Exception {
    for (String url : new String[] {"?x=1", "#frag"}) {
      ObjectNode a = bot.message("ciao");
      a.put("serviceUrl", bot.connector.serviceUrl() + url);
      assertRefused(400, "serviceUrl", bot.post(a));
    }
    ObjectNode a = bot.message("ciao");
    a.put("serviceUrl", bot.connector.serviceUrl().replace("://", "://user:pw@"));
    assertRefused(400, "serviceUrl", bot.post(a));
  }

  @Test
  void healthReportsEachPartAndIsDegradedWithTheReasonsWhenOneIsOff() throws Exception {
    bot.server.health(() -> List.of(HealthPart.ok("usage"), HealthPart.ok("escalations"), HealthPart.ok("channel"),
        HealthPart.ok("reminders")));
    JsonNode ok = bot.get("/healthz").json();
    assertEquals("ok", ok.path("status").asText(), ok.toString());
    assertEquals("ok", ok.path("parts").path("dialogs").path("state").asText());
    assertTrue(ok.path("dialogsVersion").isTextual() && ok.path("reasons").isEmpty(), ok.toString());
    bot.server.health(() -> List.of(HealthPart.off("usage", "the usage database is in use by another process"),
        HealthPart.ok("escalations"), HealthPart.ok("channel"), HealthPart.ok("reminders")));
    BotUnderTest.Answer degraded = bot.get("/healthz");
    assertEquals(200, degraded.status(), "the bot still answers: 200, and says what is off");
    JsonNode d = degraded.json();
    assertEquals("degraded", d.path("status").asText());
    assertEquals("off", d.path("parts").path("usage").path("state").asText());
    assertEquals("ok", d.path("parts").path("escalations").path("state").asText());
    assertEquals("usage: the usage database is in use by another process", d.path("reasons").get(0).asText());
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      Request.Builder b = new Request.Builder().url(bot.url("/api/messages"))
          .post(RequestBody.create(bot.message("ciao").toString().getBytes(StandardCharsets.UTF_8), (MediaType) null));
      if (type != null) {
        b.header("Content-Type", type);
      }
      try (Response r = bot.http.newCall(b.build()).execute()) {
        assertEquals(415, r.code());
      }
    }
  }

  @Test
  void aDeclaredHugeBodyIs413WithoutReadingIt() throws Exception {
    // Declares 10 MB, sends 1 KB: a server reading it all would wait forever.
    try (Socket s = new Socket("127.0.0.1", bot.server.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 10000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(("{\"text\":\"" + "x".repeat(1_000)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead(s.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 413"), head);
    }
  }

  @Test
  void anUndeclaredHugeBodyIsCutAt256KbAnd413() throws Exception {
    ObjectNode a = bot.message("x".repeat(300 * 1024));
    byte[] bytes = a.toString().getBytes(StandardCharsets.UTF_8);
    RequestBody chunked = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/json");
      }

      @Override
      public long contentLength() {
        return -1;
      }

      @Override
      public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
        sink.write(bytes);
      }
    };
    try (Response r = bot.http.newCall(new Request.Builder().url(bot.url("/api/messages")).post(chunked).build())
        .execute()) {
      assertEquals(413, r.code());
    } catch (java.io.IOException e) {
      // The server may close while the client still writes: then it must not have answered 2xx/5xx.
      assertTrue(logs.list.stream().anyMatch(l -> l.getFormattedMessage().contains("413")), e.toString());
    }
  }

  @Test
  void aServiceUrlThatIsNotHttpsIsRefusedWithCredentials() throws Exception {
    try (BotUnderTest secured = new BotUnderTest("app-id", null)) {
      ObjectNode a = secured.message("ciao");
      a.put("serviceUrl", "http://smba.example.com/emea/");
      BotUnderTest.Answer r = secured.post(a.toString(), "Bearer x.y.z");
      assertEquals(400, r.status(), r.body());
      assertTrue(r.body().contains("https"), r.body());
    }
    ObjectNode local = bot.message("ciao");
    local.put("serviceUrl", "ftp://127.0.0.1/x");
    assertRefused(400, "", bot.post(local));
  }

  @Test
  void aRefusalIsLoggedOnceWithoutTheText() throws Exception {
    ObjectNode a = bot.message("il cliente mario.rossi@pec.it ha pagato");
    a.remove("conversation");
    bot.post(a);
    List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("400"), lines.get(0));
    assertFalse(lines.get(0).contains("mario") || lines.get(0).contains("pagato"), lines.get(0));
  }

  private static String readHead(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      if (b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }
}
