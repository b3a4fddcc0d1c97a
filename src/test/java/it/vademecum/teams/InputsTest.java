package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Serialization;
import it.vademecum.engine.Input;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Activities to engine inputs and session keys. */
class InputsTest {

  private static Activity message(String text, Object value) {
    Activity a = Activity.createMessageActivity();
    a.setText(text);
    a.setValue(value);
    ChannelAccount from = new ChannelAccount("user-id-0", "Mario Rossi");
    from.setAadObjectId("AAD-1");
    a.setFrom(from);
    ConversationAccount c = new ConversationAccount();
    c.setTenantId("tenant-x");
    a.setConversation(c);
    return a;
  }

  @Test
  void typedTextLosesTheBotMention() {
    assertEquals(Input.text("bonifico non registrato"),
        Inputs.fromMessage(message("<at>Vademecum</at> bonifico non registrato", null)));
  }

  @Test
  void mentionsAreStrippedInAnyCase() {
    assertEquals(Input.text("ciao a tutti"),
        Inputs.fromMessage(message("<AT>Vademecum</AT> ciao<At>everyone</aT>a tutti", null)));
    assertEquals(Input.text("<at>senza chiusura"), Inputs.fromMessage(message("<at>senza chiusura", null)));
  }

  @Test
  void fortyThousandOpeningMentionTagsCostMillisecondsNotSeconds() {
    String hostile = "<at>".repeat(40_000) + "</at>" + "<at>".repeat(40_000);
    long t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      Inputs.fromMessage(message(hostile, null));
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // The old lazy DOTALL regex took seconds for one such text: here twenty take far less than one did.
    org.junit.jupiter.api.Assertions.assertTrue(ms < 500, "20 texts in " + ms + " ms");
  }

  @Test
  void aSubmitIsTheButtonValueWhateverTheText() {
    assertEquals(Input.button("c:t:n:0"), Inputs.fromMessage(message(null, Map.of("v", "c:t:n:0"))));
    assertEquals(Input.button("c:t:n:0"),
        Inputs.fromMessage(message("x", Serialization.objectToTree(Map.of("v", "c:t:n:0")))));
    assertEquals(Input.form("", Map.of("choice", "si")), Inputs.fromMessage(message(null, Map.of("choice", "si"))));
  }

  @Test
  void anExecuteCarriesTheSameData() {
    assertEquals(Input.button("k:indietro"), Inputs.fromExecute(Map.of("v", "k:indietro")));
    assertEquals(Input.button(""), Inputs.fromExecute(null));
  }

  @Test
  void oneSessionPerAgentAndTenant() {
    assertEquals("tenant-x/aad-1", Inputs.agentKey(message("x", null)));
    Activity noAad = message("x", null);
    noAad.getFrom().setAadObjectId(null);
    assertEquals("tenant-x/user-id-0", Inputs.agentKey(noAad));
  }

  @Test
  void theFirstWordOfTheDisplayNameIsTheFallbackName() {
    assertEquals("Mario", Inputs.firstName("Mario Rossi"));
    assertNull(Inputs.firstName(" "));
  }

  @Test
  void theTenantOfChannelDataIsReadTheSameFromAMapATreeOrAnotherShape() throws Exception {
    String json = "{\"tenant\":{\"id\":\"tenant-cd\"},\"source\":{\"name\":\"message\"}}";
    Activity fromMap = message("x", null);
    fromMap.setChannelData(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class));
    Activity fromTree = message("x", null);
    fromTree.setChannelData(Serialization.jsonToTree(json));
    Activity fromRecord = message("x", null);
    fromRecord.setChannelData(new ChannelData(new Tenant("tenant-cd")));
    // As the server reads it: the SDK's own deserialization of a whole activity.
    Activity read = Serialization.treeToValue(
        Serialization.jsonToTree("{\"type\":\"message\",\"channelData\":" + json + "}"), Activity.class);
    for (Activity a : java.util.List.of(fromMap, fromTree, fromRecord, read)) {
      assertEquals(java.util.Optional.of("tenant-cd"), Inputs.tenant(a));
    }
    Activity numeric = message("x", null);
    numeric.setChannelData(Map.of("tenant", Map.of("id", 42)));
    assertEquals(java.util.Optional.of("42"), Inputs.tenant(numeric));
    Activity none = message("x", null);
    none.setChannelData(Map.of("source", Map.of("name", "message")));
    assertEquals(java.util.Optional.of("tenant-x"), Inputs.tenant(none), "falls back to the conversation's tenant");
  }

  record Tenant(String id) {}

  record ChannelData(Tenant tenant) {}
}
