package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import com.microsoft.bot.schema.teams.ChannelInfo;
import it.vademecum.dialog.Step;
import it.vademecum.engine.Answer;
import it.vademecum.engine.Option;
import it.vademecum.engine.Phrase;
import it.vademecum.engine.Reply;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The connector client's JSON is byte for byte what the SDK's own adapter writes and reads, for
 * every shape the bot sends (cards, phrases, card updates, channel posts) and receives back.
 */
class ConnectorJsonTest {

  private final JacksonAdapter sdk = new JacksonAdapter();
  private final ConnectorJson lean = new ConnectorJson();

  @Test
  void writesAStepCardAndItsPhrasesExactlyAsTheSdkDoes() throws Exception {
    for (int i = 0; i < 3; i++) {
      int index = i;
      assertSameJson(() -> addressed(VademecumBot.activities(step(), true).get(index)));
    }
  }

  @Test
  void writesAQuestionCardExactlyAsTheSdkDoes() throws Exception {
    assertSameJson(() -> addressed(VademecumBot.activities(question(), false).get(0)));
  }

  @Test
  void writesMapKeysWithDotsMentionsAndChannelDataExactlyAsTheSdkDoes() throws Exception {
    String json = assertSameJson(() -> {
      Activity a = addressed(Activity.createMessageActivity());
      a.setText("<at>Giulia</at> prendi in carico: città, perché, più");
      Mention m = new Mention();
      m.setMentioned(new ChannelAccount("29:leader", "Giulia Bianchi"));
      m.setText("<at>Giulia</at>");
      a.setMentions(List.of(m));
      a.setProperties("x.ms.trace", Serialization.objectToTree("valore con . punto"));
      TeamsChannelData data = new TeamsChannelData();
      data.setTenant(new TenantInfo("tenant-1"));
      data.setChannel(new ChannelInfo("19:leads@thread.tacv2", "Team leader"));
      a.setChannelData(data);
      return a;
    });
    assertTrue(json.contains("\"x.ms.trace\""), json);
    assertTrue(json.contains("città, perché, più"), json);
  }

  @Test
  void writesAChannelPostsConversationParametersExactlyAsTheSdkDoes() throws Exception {
    assertSameJson(() -> {
      ConversationParameters p = new ConversationParameters();
      p.setIsGroup(true);
      TeamsChannelData data = new TeamsChannelData();
      data.setChannel(new ChannelInfo("19:leads@thread.tacv2", null));
      data.setTenant(new TenantInfo("tenant-1"));
      p.setChannelData(data);
      Activity post = VademecumBot.activities(question(), false).get(0);
      post.setTimestamp(OffsetDateTime.of(2026, 11, 26, 9, 30, 0, 0, ZoneOffset.UTC));
      p.setActivity(post);
      p.setTenantId("tenant-1");
      return p;
    });
  }

  @Test
  void readsTheConnectorsAnswersAsTheSdkDoes() throws Exception {
    String resource = "{\"id\":\"1:abc\"}";
    ResourceResponse bySdkResource = sdk.deserialize(resource, ResourceResponse.class);
    ResourceResponse byLeanResource = lean.deserialize(resource, ResourceResponse.class);
    assertEquals("1:abc", byLeanResource.getId());
    assertEquals(bySdkResource.getId(), byLeanResource.getId());
    String created = "{\"id\":\"19:leads@thread.tacv2;messageid=42\",\"activityId\":\"42\",\"serviceUrl\":\"https://smba.example\"}";
    ConversationResourceResponse bySdkCreated = sdk.deserialize(created, ConversationResourceResponse.class);
    ConversationResourceResponse byLeanCreated = lean.deserialize(created, ConversationResourceResponse.class);
    assertEquals("42", byLeanCreated.getActivityId());
    assertEquals(sdk.serialize(bySdkCreated), lean.serialize(byLeanCreated));
    String member = "{\"id\":\"29:1\",\"name\":\"Mario Rossi\",\"givenName\":\"Mario\",\"surname\":\"Rossi\","
        + "\"aadObjectId\":\"00000000-0000-0000-0000-000000000001\",\"userPrincipalName\":\"mario@example.it\","
        + "\"tenantId\":\"t\",\"userRole\":\"user\"}";
    TeamsChannelAccount bySdk = sdk.deserialize(member, TeamsChannelAccount.class);
    TeamsChannelAccount byLean = lean.deserialize(member, TeamsChannelAccount.class);
    assertEquals("Mario", byLean.getGivenName());
    assertEquals(sdk.serialize(bySdk), lean.serialize(byLean));
  }

  /** Serializes a fresh object with each adapter (the SDK's rewrites dotted map keys in place). */
  private String assertSameJson(Supplier<Object> value) throws Exception {
    String expected = sdk.serialize(value.get());
    String actual = lean.serialize(value.get());
    assertEquals(expected, actual);
    return actual;
  }

  /** As the SDK's TurnContext addresses a reply before sending it. */
  private static Activity addressed(Activity a) {
    ConversationReference ref = new ConversationReference();
    ref.setActivityId("1700000000000");
    ref.setBot(new ChannelAccount("28:bot", "Vademecum"));
    ref.setUser(new ChannelAccount("29:agent", "Mario Rossi"));
    ref.setChannelId("msteams");
    ref.setServiceUrl("https://smba.trafficmanager.net/emea/");
    ConversationAccount conversation = new ConversationAccount();
    conversation.setId("a:personal-chat");
    conversation.setConversationType("personal");
    conversation.setTenantId("tenant-1");
    ref.setConversation(conversation);
    a.applyConversationReference(ref);
    a.setTimestamp(OffsetDateTime.of(2026, 11, 26, 9, 30, 0, 0, ZoneOffset.UTC));
    a.setLocale("it-IT");
    return a;
  }

  private static Reply step() {
    Answer a = new Answer("Inoltra a billing: verifica l'importo già pagato.", Optional.of("pagamenti_billing_aruba"),
        Optional.of("Oltre 72 ore lavorative"), List.of("Chiedi la contabile."),
        List.of(new Step.Link("Area clienti", "https://areaclienti.pec.it")));
    return new Reply(Reply.Kind.ANSWER, List.of("Argomento: Pagamenti"), "pagamenti", "Pagamenti", "s", null,
        List.of(), Optional.of(a), List.of(new Phrase("Saluto", "Buongiorno, sono Mario."),
            new Phrase("Chiusura", "La ringrazio, buona giornata.")), List.of(), true, Optional.empty(),
        Optional.empty(), List.of(), Optional.empty());
  }

  private static Reply question() {
    return new Reply(Reply.Kind.QUESTION, List.of(), "pagamenti", "Pagamenti", "n", "Come ha pagato il cliente?",
        List.of(new Option("Bonifico", "c:pagamenti:n:0"), new Option("Carta di credito", "c:pagamenti:n:1")),
        Optional.empty(), List.of(), List.of(), true, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }
}
