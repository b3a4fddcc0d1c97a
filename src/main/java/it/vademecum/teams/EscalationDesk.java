package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Serialization;
import it.vademecum.engine.Input;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationTexts;
import it.vademecum.escalation.Outbox;
import it.vademecum.escalation.OutboxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams side of escalations inside turns: remembers, durably, how to reach each agent's personal
 * chat and the team leads' channel (from any activity), and handles "Prendo in carico" clicks on a
 * channel card (Action.Submit or Action.Execute).
 */
final class EscalationDesk {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationDesk.class);
  /** What a click on an escalation's buttons outside the team leads' team is told. */
  static final String LEADS_ONLY = "Le escalation si aprono e si prendono in carico solo dal canale dei team leader.";

  private final Outbox outbox;
  private final String leadChannelId;
  private final Runnable wake;
  /** What was last written per reference, so a turn writes to the database only when it changed. */
  private final Cache<String, String> written = Caffeine.newBuilder().maximumSize(100_000).build();

  public EscalationDesk(Outbox outbox, String leadChannelId, Runnable wake) {
    this.outbox = Objects.requireNonNull(outbox);
    this.leadChannelId = leadChannelId == null ? "" : leadChannelId.strip();
    this.wake = wake;
  }

  /** Learns routes and references from an incoming activity; never fails the turn. */
  public void observe(Activity a) {
    try {
      String serviceUrl = a.getServiceUrl();
      if (serviceUrl == null || serviceUrl.isBlank()) {
        return;
      }
      Optional<String> tenant = Inputs.tenant(a).map(t -> t.toLowerCase(Locale.ROOT));
      tenant.ifPresent(t -> remember(ChannelRoute.TENANT, t, new ChannelRoute(serviceUrl, t, null).toJson()));
      JsonNode data = a.getChannelData() == null ? null : Serialization.objectToTree(a.getChannelData());
      String team = data == null ? "" : data.path("team").path("id").asText("");
      if (!team.isBlank()) {
        String route = new ChannelRoute(serviceUrl, tenant.orElse(null), team).toJson();
        boolean learntLeads = false;
        for (String channel : channels(data, team)) {
          if (remember(ChannelRoute.CHANNEL, channel, route) && channel.equals(leadChannelId)) {
            learntLeads = true;
          }
        }
        if (learntLeads) {
          LOG.info("team leads' channel route learnt");
          wake.run();
        }
      }
      String type = a.getConversation() == null ? null : a.getConversation().getConversationType();
      if ("personal".equals(type) && a.getFrom() != null) {
        remember(TeamsNotifier.AGENT, Inputs.agentKey(a),
            Serialization.toStringSilent(a.getConversationReference()));
      }
    } catch (RuntimeException e) {
      LOG.warn("could not remember the conversation: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * Whether the activity comes from the team leads' team: a channel conversation whose channel is
   * TEAMLEAD_CHANNEL_ID, or whose team is the one that channel was learnt in. There the bot speaks
   * to team leads, not agents.
   */
  public boolean fromLeadsTeam(Activity a) {
    if (leadChannelId.isEmpty() || a.getConversation() == null
        || !"channel".equals(a.getConversation().getConversationType())) {
      return false;
    }
    try {
      JsonNode data = a.getChannelData() == null ? null : Serialization.objectToTree(a.getChannelData());
      String team = data == null ? "" : data.path("team").path("id").asText("");
      if (team.isBlank()) {
        return false;
      }
      if (channels(data, team).contains(leadChannelId)) {
        return true;
      }
      return outbox.get(ChannelRoute.CHANNEL, leadChannelId).flatMap(ChannelRoute::fromJson)
          .map(r -> team.equals(r.teamId())).orElse(false);
    } catch (RuntimeException e) { // an unreadable activity or the outbox unavailable: treat it as any chat
      return false;
    }
  }

  private static Set<String> channels(JsonNode data, String team) {
    Set<String> out = new LinkedHashSet<>();
    out.add(team); // the General channel's id is the team's id
    for (String id : new String[] {data.path("channel").path("id").asText(""), data.path("teamsChannelId").asText(""),
        data.path("settings").path("selectedChannel").path("id").asText("")}) {
      if (!id.isBlank()) {
        out.add(id);
      }
    }
    return out;
  }

  /** Writes a reference when it changed; true when written. */
  private boolean remember(String kind, String key, String value) {
    String cacheKey = kind + "|" + key;
    if (value == null || value.equals(written.getIfPresent(cacheKey))) {
      return false;
    }
    try {
      outbox.put(kind, key, value);
      written.put(cacheKey, value);
      return true;
    } catch (OutboxException e) {
      LOG.warn("reference not stored: {}", e.getMessage());
      return false;
    }
  }

  /** Whether the input is a click on an escalation card's "Prendo in carico" (or its refresh). */
  public boolean handles(Input input) {
    return input instanceof Input.Button b
        && (EscalationCard.takeId(b.value()).isPresent() || EscalationCard.viewId(b.value()).isPresent());
  }

  /**
   * The answer to an escalation click from anywhere but the team leads' team (a personal chat, a
   * group chat, another team): the buttons are only on the leads' channel card, so such a click was
   * crafted, and nothing is read or taken. Only the escalation's number is logged.
   */
  private static String refused(Input input) {
    String value = ((Input.Button) input).value();
    long id = EscalationCard.takeId(value).or(() -> EscalationCard.viewId(value)).orElse(-1L);
    LOG.warn("escalation {} click refused: not from the team leads' team", id);
    return LEADS_ONLY;
  }

  /** What a click did: the take's outcome, or null when it could not be recorded (then {@code failure}). */
  private record Click(long id, Outbox.Take take, String failure) {}

  private Click take(TurnContext ctx, Input input) {
    long id = EscalationCard.takeId(((Input.Button) input).value()).orElseThrow();
    Activity a = ctx.getActivity();
    ChannelAccount from = a.getFrom();
    String leadId = from == null ? "-" : from.getAadObjectId() != null ? from.getAadObjectId() : from.getId();
    String name = from == null ? null : CardText.plain(from.getName()).strip();
    String leadName = name == null || name.isEmpty() ? "un TL" : name.length() > 80 ? name.substring(0, 80) : name;
    String conversation = a.getConversation() == null ? null : a.getConversation().getId();
    try {
      Outbox.Take take = outbox.take(id, leadId, leadName, conversation, a.getReplyToId());
      if (take.escalation() == null) {
        return new Click(id, null, "Escalation n. " + id + " non trovata.");
      }
      LOG.info("escalation {} click won={}", id, take.won());
      if (take.won()) {
        wake.run();
      }
      return new Click(id, take, null);
    } catch (OutboxException e) {
      LOG.error("take failed: {}", e.getMessage());
      return new Click(id, null, "Non riesco a registrare la presa in carico: riprova tra poco.");
    }
  }

  /**
   * A team lead's Action.Submit click (a card posted before Universal Actions): the first one takes
   * the escalation; the clicked card (the activity's replyToId) is updated in place to show who took
   * it. No reply goes to the thread: the card says it all, and the agent's notice goes through the
   * outbox. A click from outside the team leads' team is refused (see {@link #refused}).
   */
  public CompletableFuture<Void> click(TurnContext ctx, Input input) {
    if (!fromLeadsTeam(ctx.getActivity())) {
      return ctx.sendActivity(refused(input)).thenApply(r -> null);
    }
    if (EscalationCard.viewId(((Input.Button) input).value()).isPresent()) {
      return CompletableFuture.completedFuture(null); // a refresh only comes as Action.Execute
    }
    Click c = take(ctx, input);
    if (c.take() == null) {
      return ctx.sendActivity(c.failure()).thenApply(r -> null);
    }
    return update(ctx, c.take().escalation()).thenApply(r -> null);
  }

  /**
   * A team lead's Action.Execute click: the first one takes the escalation, the card is updated for
   * everyone and returned in the invoke response; a late clicker gets, on their own view of the card
   * only, who took it and when. Nothing is posted in the thread. A click or a refresh from outside
   * the team leads' team is refused (see {@link #refused}).
   */
  public CompletableFuture<AdaptiveCardInvokeResponse> execute(TurnContext ctx, Input input) {
    if (!fromLeadsTeam(ctx.getActivity())) {
      return CompletableFuture.completedFuture(message(refused(input)));
    }
    Optional<Long> view = EscalationCard.viewId(((Input.Button) input).value());
    if (view.isPresent()) {
      try {
        return CompletableFuture.completedFuture(outbox.find(view.get()).map(e -> card(EscalationCard.render(e)))
            .orElseGet(() -> message("Escalation n. " + view.get() + " non trovata.")));
      } catch (OutboxException e) {
        return CompletableFuture.completedFuture(message("Non riesco a leggere l'escalation: riprova tra poco."));
      }
    }
    Click c = take(ctx, input);
    if (c.take() == null) {
      return CompletableFuture.completedFuture(message(c.failure()));
    }
    Escalation e = c.take().escalation();
    if (!c.take().won()) {
      String late = "L'escalation n. " + c.id() + " è già stata presa in carico da " + e.takenBy() + " alle "
          + EscalationTexts.hour(e.takenAt()) + ": non devi fare nulla.";
      return CompletableFuture.completedFuture(card(EscalationCard.render(e, late)));
    }
    return update(ctx, e).thenApply(done -> card(EscalationCard.render(e)));
  }

  /** Replaces the clicked card for everyone (never fails the turn). */
  private CompletableFuture<Void> update(TurnContext ctx, Escalation e) {
    String cardId = ctx.getActivity().getReplyToId();
    if (cardId == null || cardId.isBlank()) {
      return CompletableFuture.completedFuture(null);
    }
    Attachment card = new Attachment();
    card.setContentType(Cards.CONTENT_TYPE);
    card.setContent(EscalationCard.render(e));
    Activity updated = MessageFactory.attachment(card);
    updated.setId(cardId);
    updated.setSummary(EscalationCard.summary(e));
    return ctx.updateActivity(updated).handle((r, failure) -> {
      if (failure != null) {
        LOG.warn("card update failed for escalation {}: {}", e.id(), failure.getClass().getSimpleName());
      }
      return null;
    });
  }

  /** An invoke response that replaces the clicker's card. */
  static AdaptiveCardInvokeResponse card(Object card) {
    AdaptiveCardInvokeResponse r = new AdaptiveCardInvokeResponse();
    r.setStatusCode(200);
    r.setType(Cards.CONTENT_TYPE);
    r.setValue(card);
    return r;
  }

  /** An invoke response that shows the clicker a short message. */
  static AdaptiveCardInvokeResponse message(String text) {
    AdaptiveCardInvokeResponse r = new AdaptiveCardInvokeResponse();
    r.setStatusCode(200);
    r.setType("application/vnd.microsoft.activity.message");
    r.setValue(text);
    return r;
  }
}
