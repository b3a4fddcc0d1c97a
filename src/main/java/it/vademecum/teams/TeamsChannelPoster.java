package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import it.vademecum.escalation.ChannelPoster;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationTexts;
import it.vademecum.escalation.PostOutcome;
import it.vademecum.escalation.References;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts an escalation card as a new thread in the team leads' channel: the connector's
 * {@code POST /v3/conversations} with {@code channelData.channel.id}, as the SDK's
 * {@code TeamsInfo.sendMessageToTeamsChannel} does, but on an HTTP client this class controls. The
 * SDK's REST client retries 408 and 5xx up to 10 times inside one call and OkHttp silently re-sends
 * a POST after some connection failures; either could put a second card in the channel. Here one
 * call is one attempt ({@code retryOnConnectionFailure(false)}), and an event listener tells
 * whether the request started to leave: a failure before that is a definite "not posted", after it
 * the outcome is unknown.
 */
public final class TeamsChannelPoster implements ChannelPoster {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  private final String channelId;
  private final String appId;
  private final String singleTenant;
  private final MicrosoftAppCredentials credentials;
  private final References references;
  /** Built on the first post: building an OkHttp client loads the TLS trust store (a third of a second). */
  private volatile OkHttpClient http;
  private volatile okhttp3.Interceptor shared;
  private final Duration timeouts;
  private final Clock clock;

  /**
   * @param channelId TEAMLEAD_CHANNEL_ID, blank when not set
   * @param appId the bot's app id, blank in local mode (no token)
   * @param singleTenant the tenant of a single-tenant bot, else blank
   * @param timeouts connect and read timeout of one attempt
   */
  public TeamsChannelPoster(String channelId, String appId, String appPassword, String singleTenant,
      References references, Duration timeouts, Clock clock) {
    this.channelId = channelId == null ? "" : channelId.strip();
    this.appId = appId == null ? "" : appId.strip();
    this.singleTenant = singleTenant == null ? "" : singleTenant.strip();
    this.credentials = this.appId.isEmpty() ? null : this.singleTenant.isEmpty()
        ? new MicrosoftAppCredentials(this.appId, appPassword)
        : new MicrosoftAppCredentials(this.appId, appPassword, this.singleTenant);
    this.references = references;
    this.clock = clock;
    this.timeouts = timeouts;
  }

  /**
   * Posts wait for a slot under the connector ceiling shared by every instance (its own 429
   * handling stays). Call before the first post.
   */
  public TeamsChannelPoster shareCeiling(ConnectorLimits limits) {
    if (limits.shared() != null && limits.paced()) {
      this.shared = SharedCeiling.interceptor(limits.shared(), limits.perSecond(), limits.maxWait().toNanos());
    }
    return this;
  }

  private OkHttpClient client() {
    OkHttpClient c = http;
    if (c == null) {
      synchronized (this) {
        c = http;
        if (c == null) {
          c = new OkHttpClient.Builder()
              .retryOnConnectionFailure(false)
              .followRedirects(false)
              .connectTimeout(timeouts.toMillis(), TimeUnit.MILLISECONDS)
              .readTimeout(timeouts.toMillis(), TimeUnit.MILLISECONDS)
              .writeTimeout(timeouts.toMillis(), TimeUnit.MILLISECONDS)
              .callTimeout(timeouts.toMillis() * 2, TimeUnit.MILLISECONDS)
              .eventListenerFactory(call -> {
                SendMark mark = call.request().tag(SendMark.class);
                return mark == null ? EventListener.NONE : mark;
              })
              .build();
          if (shared != null) {
            c = c.newBuilder().addInterceptor(shared).build();
          }
          http = c;
        }
      }
    }
    return c;
  }

  public String channelId() {
    return channelId;
  }

  @Override
  public Optional<String> configurationProblem() {
    if (channelId.isEmpty()) {
      return Optional.of(EscalationTexts.NO_CHANNEL);
    }
    return route().isPresent() ? Optional.empty() : Optional.of(EscalationTexts.NO_ROUTE);
  }

  /** The route to the channel: learnt from the team itself, else from the tenant. */
  Optional<ChannelRoute> route() {
    if (channelId.isEmpty()) {
      return Optional.empty();
    }
    Optional<ChannelRoute> exact = references.get(ChannelRoute.CHANNEL, channelId).flatMap(ChannelRoute::fromJson);
    if (exact.isPresent()) {
      return exact;
    }
    Optional<String> tenant = singleTenant.isEmpty() ? references.latest(ChannelRoute.TENANT)
        : references.get(ChannelRoute.TENANT, singleTenant.toLowerCase(java.util.Locale.ROOT));
    return tenant.flatMap(ChannelRoute::fromJson);
  }

  @Override
  public PostOutcome post(Escalation escalation) {
    if (channelId.isEmpty()) {
      return new PostOutcome.Blocked(EscalationTexts.NO_CHANNEL);
    }
    Optional<ChannelRoute> route = route();
    if (route.isEmpty()) {
      return new PostOutcome.Blocked(EscalationTexts.NO_ROUTE);
    }
    String token = null;
    if (credentials != null) {
      try {
        token = credentials.getToken().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        return new PostOutcome.Retry("token non ottenuto: " + e.getClass().getSimpleName(), Duration.ZERO, false);
      }
    }
    String base = route.get().serviceUrl();
    String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v3/conversations";
    SendMark mark = new SendMark();
    Request.Builder request = new Request.Builder().url(url).tag(SendMark.class, mark)
        .post(RequestBody.create(body(escalation, route.get()).toString(), JSON_TYPE));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (Response response = client().newCall(request.build()).execute()) {
      return outcome(response);
    } catch (IOException | RuntimeException e) {
      String why = e.getClass().getSimpleName();
      return mark.started ? new PostOutcome.Unknown(why) : new PostOutcome.Retry("non inviata: " + why,
          Duration.ZERO, false);
    }
  }

  private ObjectNode body(Escalation e, ChannelRoute route) {
    ObjectNode p = JSON.createObjectNode();
    p.put("isGroup", true);
    String tenant = route.tenantId();
    if (tenant != null && !tenant.isBlank()) {
      p.put("tenantId", tenant);
    }
    ObjectNode channelData = p.putObject("channelData");
    channelData.putObject("channel").put("id", channelId);
    if (tenant != null && !tenant.isBlank()) {
      channelData.putObject("tenant").put("id", tenant);
    }
    ObjectNode activity = p.putObject("activity");
    activity.put("type", "message");
    activity.put("summary", EscalationCard.summary(e));
    ObjectNode attachment = activity.putArray("attachments").addObject();
    attachment.put("contentType", Cards.CONTENT_TYPE);
    attachment.set("content", EscalationCard.render(e));
    return p;
  }

  private PostOutcome outcome(Response r) throws IOException {
    int code = r.code();
    if (code >= 200 && code < 300) {
      String text = r.body() == null ? "" : r.body().string();
      try {
        JsonNode n = JSON.readTree(text);
        return new PostOutcome.Posted(n.path("id").asText(null), n.path("activityId").asText(null));
      } catch (IOException e) {
        // Posted for certain; the ids arrive with the first click on the card.
        return new PostOutcome.Posted(null, null);
      }
    }
    Duration retryAfter = retryAfter(r.header("Retry-After"));
    if (code == 429) {
      return new PostOutcome.Retry("429", retryAfter, true);
    }
    if (code == 408 || code == 412 || code >= 500) {
      return new PostOutcome.Retry(String.valueOf(code), retryAfter, false);
    }
    if (code == 401) {
      return new PostOutcome.Blocked("Teams rifiuta le credenziali del bot (401): controlla MicrosoftAppId e "
          + "MicrosoftAppPassword");
    }
    if (code == 403) {
      return new PostOutcome.Blocked("Teams risponde 403: il bot non è installato nel team dei TL o non può "
          + "scrivere nel canale");
    }
    if (code == 404) {
      return new PostOutcome.Blocked("Teams risponde 404: canale dei TL non trovato, controlla TEAMLEAD_CHANNEL_ID");
    }
    return new PostOutcome.Blocked("Teams rifiuta la richiesta (" + code + ")");
  }

  /** Retry-After in seconds or as an HTTP date; zero when absent or unreadable; at most 10 minutes. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Duration.ZERO;
    }
    Duration d;
    try {
      d = Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        d = Duration.between(clock.instant(), at.toInstant());
      } catch (RuntimeException e2) {
        return Duration.ZERO;
      }
    }
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }

  /** Whether the request began to be written to a connection (then Teams may have acted on it). */
  private static final class SendMark extends EventListener {

    volatile boolean started;

    @Override
    public void requestHeadersStart(Call call) {
      started = true;
    }
  }
}
