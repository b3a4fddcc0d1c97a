package it.vademecum.bench;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import java.util.concurrent.CompletableFuture;

/**
 * The floor of the benchmark: the least a bot on the same SDK and server can do, one plain text
 * reply per message (typed or a button's value), through the same adapter and connector client.
 */
final class EchoBot extends ActivityHandler {

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext ctx) {
    String text = ctx.getActivity().getText();
    return ctx.sendActivity(MessageFactory.text(text == null || text.isBlank() ? "ricevuto" : text))
        .thenApply(r -> null);
  }
}
