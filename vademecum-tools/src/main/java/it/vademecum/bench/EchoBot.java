package it.vademecum.bench;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import java.util.concurrent.CompletableFuture;

/**
 * The floor of the benchmark: the least a bot on the same SDK and server can do, one plain text
 * reply per message (typed or a button's value) and per Action.Execute click, which it answers
 * with the shortest invoke response, through the same adapter and connector client.
 */
final class EchoBot extends ActivityHandler {

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext ctx) {
    String text = ctx.getActivity().getText();
    return ctx.sendActivity(MessageFactory.text(text == null || text.isBlank() ? "ricevuto" : text))
        .thenApply(r -> null);
  }

  @Override
  protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext ctx,
      AdaptiveCardInvokeValue value) {
    return ctx.sendActivity(MessageFactory.text("ricevuto")).thenApply(r -> {
      AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
      response.setStatusCode(200);
      response.setType("application/vnd.microsoft.activity.message");
      response.setValue("ricevuto");
      return response;
    });
  }
}
