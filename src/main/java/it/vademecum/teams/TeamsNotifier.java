package it.vademecum.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import it.vademecum.assistant.Notifier;
import it.vademecum.escalation.References;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Proactive messages to an agent's personal chat, through the adapter's continueConversation with
 * the conversation reference stored durably when the agent last wrote to the bot.
 */
final class TeamsNotifier implements Notifier {

  /** Reference kind of agents' personal chats, keyed by session key. */
  public static final String AGENT = "agent";
  private static final long SEND_TIMEOUT_S = 30;

  private final TeamsAdapter adapter;
  private final String appId;
  private final References references;

  public TeamsNotifier(TeamsAdapter adapter, String appId, References references) {
    this.adapter = adapter;
    this.appId = appId == null ? "" : appId;
    this.references = references;
  }

  /** False when the agent's chat is unknown; throws when Teams could not be reached (retried later). */
  @Override
  public boolean tell(String agentKey, String text) {
    Optional<String> json = references.get(AGENT, agentKey);
    if (json.isEmpty()) {
      return false;
    }
    ConversationReference reference;
    try {
      reference = Serialization.treeToValue(Serialization.jsonToTree(json.get()), ConversationReference.class);
    } catch (Exception e) {
      return false;
    }
    Activity message = MessageFactory.text(text);
    message.setTextFormat(TextFormatTypes.PLAIN);
    try {
      adapter.continueConversation(appId, reference, ctx -> ctx.sendActivity(message).thenApply(r -> null))
          .get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("proactive message failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
