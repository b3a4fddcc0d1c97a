package it.vademecum.teams;

import it.vademecum.config.TypedSettings;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's HTTP adapter with a connector client sized for a call centre. The SDK builds each
 * connector client on OkHttp's defaults, whose dispatcher runs at most 5 requests at once to one
 * host; every reply to Teams goes to one host, so that would cap the bot near 50 replies/s with a
 * 100 ms connector. Here all connector clients share one dispatcher and one connection pool, and
 * one {@link PacingInterceptor}: calls paced under the tenant's ceiling with a fair queue across
 * conversations, and a 429 honoured (Retry-After) instead of failing the turn.
 * Single-tenant bots get their outgoing tokens from their own tenant.
 */
final class TeamsAdapter extends BotFrameworkHttpAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);

  private final CredentialProvider credentials;
  private final SimpleChannelProvider channel;
  private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
  private final Dispatcher dispatcher;
  private final ConnectionPool pool;
  private final String appPassword;
  private final String singleTenant;
  private final ConnectorPacer pacer;
  private final PacingInterceptor pacing;
  private final ConnectorJson json = new ConnectorJson();

  private TeamsAdapter(CredentialProvider credentials, SimpleChannelProvider channel, String appPassword,
      String singleTenant, ConnectorLimits limits) {
    super(credentials, channel);
    this.credentials = credentials;
    this.channel = channel;
    this.appPassword = appPassword;
    this.singleTenant = singleTenant;
    this.dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(128);
    this.pool = new ConnectionPool(64, 5, TimeUnit.MINUTES);
    this.pacer = limits.paced() ? new ConnectorPacer(limits.perSecond(), System::nanoTime).start() : null;
    this.pacing = new PacingInterceptor(pacer, limits, System::nanoTime);
    setOnTurnError(this::onError);
  }

  /** Local mode when appId is blank: no credentials, no token validation. */
  public static TeamsAdapter create(String appId, String appPassword, String appType, String tenantId) {
    return create(appId, appPassword, appType, tenantId, ConnectorLimits.DEFAULT);
  }

  /** As above, with the connector's ceiling and 429 handling. */
  public static TeamsAdapter create(String appId, String appPassword, String appType, String tenantId,
      ConnectorLimits limits) {
    CredentialProvider credentials = appId == null || appId.isBlank()
        ? new SimpleCredentialProvider()
        : new SimpleCredentialProvider(appId, appPassword);
    String tenant = new TypedSettings.Credentials(appId, appPassword, appType, tenantId == null ? "" : tenantId)
        .singleTenant();
    String single = tenant.isBlank() ? null : tenant;
    return new TeamsAdapter(credentials, new SimpleChannelProvider(), appPassword, single, limits);
  }

  public CredentialProvider credentials() {
    return credentials;
  }

  public SimpleChannelProvider channel() {
    return channel;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** Stops the pacer's thread. */
  public void shutdown() {
    if (pacer != null) {
      pacer.close();
    }
  }

  private CompletableFuture<Void> onError(TurnContext ctx, Throwable error) {
    if (connectorFailure(error)) {
      // The connector cannot be reached: no apology through it either, and no stack trace; the
      // caller (the server's 502, a sender's retry) logs its one line.
      return CompletableFuture.failedFuture(error);
    }
    LOG.error("turn failed: activity={} error={}", ctx.getActivity().getType(), error.getClass().getName(), error);
    return ctx.sendActivity("Si è verificato un errore interno: riprova tra poco. Se si ripete, avvisa il "
        + "tuo team leader.").thenApply(r -> null);
  }

  /** An I/O failure anywhere in the chain: the connector (or the token service) did not answer. */
  static boolean connectorFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String oAuthScope) {
    if (singleTenant != null) {
      return CompletableFuture.completedFuture(
          new MicrosoftAppCredentials(appId, appPassword, singleTenant, oAuthScope));
    }
    return super.buildAppCredentials(appId, oAuthScope);
  }

  @Override
  protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
      AppCredentials usingAppCredentials) {
    String key = keyForConnectorClient(serviceUrl,
        usingAppCredentials != null ? usingAppCredentials.getAppId() : null,
        usingAppCredentials != null ? usingAppCredentials.oAuthScope() : null);
    ConnectorClient known = clients.get(key);
    if (known != null) {
      return CompletableFuture.completedFuture(known);   // a URL already parsed and accepted once
    }
    // Empty credentials are made only for a new client: they are not free, and every turn asks.
    AppCredentials credentials = usingAppCredentials != null ? usingAppCredentials : MicrosoftAppCredentials.empty();
    try {
      String baseUrl = new URI(serviceUrl).toURL().toString();
      ConnectorClient client = clients.computeIfAbsent(key, k -> new RestConnectorClient(
          RestConnectorClient.getDefaultRestClientBuilder(baseUrl, credentials)
              .withSerializerAdapter(json)
              .withDispatcher(dispatcher)
              .withInterceptor(pacing)
              .withConnectionPool(pool)
              .withConnectionTimeout(5, TimeUnit.SECONDS)
              .withReadTimeout(15, TimeUnit.SECONDS)
              .build()));
      return CompletableFuture.completedFuture(client);
    } catch (Exception | Error e) {
      CompletableFuture<ConnectorClient> failed = new CompletableFuture<>();
      failed.completeExceptionally(new IllegalArgumentException("Invalid Service URL", e));
      return failed;
    }
  }
}
