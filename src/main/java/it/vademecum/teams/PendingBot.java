package it.vademecum.teams;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.TurnContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A bot that exists only once the dialogs are loaded, so that the HTTP server can start listening
 * while they load (the two take about as long, and the machine has two cores). Until
 * {@link #ready} the {@link TeamsServer} answers 503 "starting" and never calls it.
 */
public final class PendingBot implements Bot {

  private final CompletableFuture<Bot> bot = new CompletableFuture<>();

  /** The real bot; from now on the server is ready. */
  public void ready(Bot real) {
    bot.complete(Objects.requireNonNull(real));
  }

  public boolean isReady() {
    return bot.isDone();
  }

  @Override
  public CompletableFuture<Void> onTurn(TurnContext turnContext) {
    return bot.thenCompose(b -> b.onTurn(turnContext));
  }
}
