package it.vademecum.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.TextFormatTypes;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Assistant;
import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams side of a turn: activity → engine input → reply → one card. Every turn is answered
 * with exactly one new message (the phrases are in the card, each with its copy block; with
 * {@code PHRASES_AS_MESSAGES} they follow as plain messages too), and the question card the agent
 * answered is settled in place at the same time: its answer shown, its buttons gone. A choice is
 * an {@code Action.Execute}, settled by the invoke response; a question answered by typing, or an
 * {@code Action.Submit} click, is settled with {@code updateActivity}. Logs shapes only (activity
 * type, reply kind, timings), never what the agent or the customer wrote.
 */
public final class VademecumBot extends TeamsActivityHandler {

  private static final Logger LOG = LoggerFactory.getLogger(VademecumBot.class);
  private static final long MEMBER_LOOKUP_MS = 3_000;

  private final Assistant assistant;
  /** Escalations: references, channel route and "Prendo in carico" clicks; null when not wired. */
  private final EscalationDesk desk;
  /** Whether each phrase also follows the card as a plain message (clients without CodeBlock). */
  private final boolean phrasesAsMessages;
  /** Given names from Teams per agent, so the connector is asked once per agent, not per turn. */
  private final Cache<String, String> names = Caffeine.newBuilder()
      .maximumSize(50_000).expireAfterWrite(Duration.ofHours(12)).build();
  /**
   * The id of the last card sent in each conversation, for settling a question answered by typing
   * (a typed message names no card). Lost on a restart or on another instance: then the card is
   * simply not settled, and a later click on it is answered as already passed.
   */
  private final Cache<String, String> lastCard = Caffeine.newBuilder()
      .maximumSize(50_000).expireAfterWrite(Duration.ofHours(8)).build();
  /** Teams sends both installationUpdate and conversationUpdate on install: welcome once. */
  private final Cache<String, Boolean> welcomed = Caffeine.newBuilder()
      .maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  public VademecumBot(Assistant assistant) {
    this(assistant, null);
  }

  public VademecumBot(Assistant assistant, EscalationDesk desk) {
    this(assistant, desk, false);
  }

  public VademecumBot(Assistant assistant, EscalationDesk desk, boolean phrasesAsMessages) {
    this.assistant = Objects.requireNonNull(assistant);
    this.desk = desk;
    this.phrasesAsMessages = phrasesAsMessages;
  }

  @Override
  public CompletableFuture<Void> onTurn(TurnContext ctx) {
    if (desk != null) {
      desk.observe(ctx.getActivity());
    }
    return super.onTurn(ctx);
  }

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext ctx) {
    Input input = Inputs.fromMessage(ctx.getActivity());
    if (desk != null && desk.handles(input)) {
      return desk.click(ctx, input);
    }
    if (leads(ctx)) {
      return send(ctx, TeamLeadChannel.answer(input)).thenApply(n -> null);
    }
    return play(ctx, input);
  }

  /**
   * Card clicks (adaptiveCard/action) and the Bot Service's health check go to the SDK; any other
   * invoke (message extensions, task modules, file consent, tabs...) the bot does not offer is
   * answered 501 without looking at its value, whose shape the SDK would fail on with a 500.
   */
  @Override
  protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext ctx) {
    String name = ctx.getActivity().getName();
    if ("adaptiveCard/action".equals(name) || "healthCheck".equals(name)) {
      return super.onInvokeActivity(ctx);
    }
    return CompletableFuture.completedFuture(new InvokeResponse(HttpURLConnection.HTTP_NOT_IMPLEMENTED, null));
  }

  @Override
  protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext ctx,
      AdaptiveCardInvokeValue value) {
    Input input = Inputs.fromExecute(value.getAction() == null ? null : value.getAction().getData());
    if (desk != null && desk.handles(input)) {
      return desk.execute(ctx, input);
    }
    if (leads(ctx)) {
      return send(ctx, TeamLeadChannel.answer(input)).thenApply(n -> EscalationDesk.message("Ricevuto."));
    }
    return answer(ctx, input);
  }

  @Override
  protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> added, TurnContext ctx) {
    String bot = ctx.getActivity().getRecipient() == null ? null : ctx.getActivity().getRecipient().getId();
    boolean botAdded = added.stream().anyMatch(m -> m != null && Objects.equals(m.getId(), bot));
    return botAdded ? welcome(ctx) : CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext ctx) {
    return welcome(ctx);
  }

  private CompletableFuture<Void> welcome(TurnContext ctx) {
    String conversation = ctx.getActivity().getConversation() == null ? "-"
        : ctx.getActivity().getConversation().getId();
    if (welcomed.asMap().putIfAbsent(conversation, Boolean.TRUE) != null) {
      return CompletableFuture.completedFuture(null);
    }
    boolean personal = "personal".equals(conversationType(ctx.getActivity()));
    String name = personal ? agentName(ctx) : null;
    LOG.info("welcome type={} conversationType={}", ctx.getActivity().getType(), conversationType(ctx.getActivity()));
    Reply hello = leads(ctx) ? TeamLeadChannel.welcome() : assistant.welcome(name);
    return send(ctx, hello).thenApply(r -> null);
  }

  /** One engine turn for the agent who sent this activity, and its reply sent back. */
  private CompletableFuture<Void> play(TurnContext ctx, Input input) {
    long start = System.nanoTime();
    Reply reply = turn(ctx, input);
    // Both connector calls go at once: the settled card does not delay the answer.
    CompletableFuture<Boolean> settled = settle(ctx, reply);
    return send(ctx, reply).thenCombine(settled, (n, updated) -> {
      logTurn(ctx, input, reply, n, updated ? "update" : "none", start);
      return null;
    });
  }

  /**
   * A choice clicked as {@code Action.Execute}: the same turn, but the clicked card is settled by
   * the invoke response itself (Teams replaces the card with it), so the turn costs one connector
   * call, the answer, instead of two. A click that settles nothing (a button the engine does not
   * know) leaves the card as it is and shows a short message under it.
   */
  private CompletableFuture<AdaptiveCardInvokeResponse> answer(TurnContext ctx, Input input) {
    long start = System.nanoTime();
    Reply reply = turn(ctx, input);
    return send(ctx, reply).thenApply(n -> {
      logTurn(ctx, input, reply, n, reply.settled().isPresent() ? "invoke" : "none", start);
      return reply.settled()
          .map(s -> EscalationDesk.card(Cards.settled(s)))
          .orElseGet(() -> EscalationDesk.message("Ricevuto."));
    });
  }

  private Reply turn(TurnContext ctx, Input input) {
    return assistant.turn(agent(ctx.getActivity(), agentName(ctx)), input);
  }

  private static void logTurn(TurnContext ctx, Input input, Reply reply, int messages, String settled, long start) {
    LOG.debug("turn type={} input={} reply={} messages={} settled={} totalMs={}", ctx.getActivity().getType(),
        input instanceof Input.Button ? "button" : "text", reply.kind(), messages, settled,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private CompletableFuture<Integer> send(TurnContext ctx, Reply reply) {
    List<Activity> out = activities(reply, phrasesAsMessages);
    return ctx.sendActivities(out).thenApply(ids -> {
      if (ids != null && ids.length > 0 && ids[0] != null && ids[0].getId() != null) {
        lastCard.put(conversationKey(ctx.getActivity()), ids[0].getId());
      }
      return out.size();
    });
  }

  private static String conversationKey(Activity a) {
    return Inputs.agentKey(a) + "|" + (a.getConversation() == null ? "-" : a.getConversation().getId());
  }

  /**
   * Replaces the question card the agent answered with its settled form: the card clicked (the
   * activity's replyToId), or for a typed answer the last card sent here, which asked the question.
   * A failed update is logged and the turn goes on: the new card is what matters, and a click on
   * the unsettled card is still answered consistently (the engine calls it already passed).
   */
  private CompletableFuture<Boolean> settle(TurnContext ctx, Reply reply) {
    Activity activity = ctx.getActivity();
    String cardId = activity.getReplyToId();
    if (cardId == null && activity.getValue() == null) {
      cardId = lastCard.getIfPresent(conversationKey(activity));
    }
    if (reply.settled().isEmpty() || cardId == null || cardId.isBlank()) {
      return CompletableFuture.completedFuture(false);
    }
    Activity updated = cardMessage(Cards.settled(reply.settled().get()), reply.settled().get().question());
    updated.setId(cardId);
    return ctx.updateActivity(updated).handle((r, e) -> {
      if (e != null) {
        LOG.warn("card update failed: {}", e.getClass().getSimpleName());
        return false;
      }
      return true;
    });
  }

  /** The one card of the reply; with {@code phrasesAsMessages}, each phrase after it as plain text. */
  static List<Activity> activities(Reply reply, boolean phrasesAsMessages) {
    Cards.Rendered rendered = Cards.render(reply);
    List<Activity> out = new ArrayList<>();
    out.add(cardMessage(rendered.card(), Cards.summary(reply)));
    if (phrasesAsMessages) {
      for (String phrase : rendered.phrases()) {
        Activity m = MessageFactory.text(phrase);
        m.setTextFormat(TextFormatTypes.PLAIN);
        out.add(m);
      }
    }
    return out;
  }

  private static Activity cardMessage(Object content, String summary) {
    Attachment card = new Attachment();
    card.setContentType(Cards.CONTENT_TYPE);
    card.setContent(content);
    Activity message = MessageFactory.attachment(card);
    message.setSummary(summary);
    return message;
  }

  /** The given name from Teams (cached), else the first word of the activity's display name. */
  private String agentName(TurnContext ctx) {
    Activity activity = ctx.getActivity();
    String key = Inputs.agentKey(activity);
    String cached = names.getIfPresent(key);
    if (cached != null) {
      return cached.isEmpty() ? null : cached;
    }
    String name = null;
    String memberId = activity.getFrom() == null ? null : activity.getFrom().getId();
    if (memberId != null && "msteams".equals(activity.getChannelId())) {
      try {
        TeamsChannelAccount member = TeamsInfo.getMember(ctx, memberId)
            .get(MEMBER_LOOKUP_MS, TimeUnit.MILLISECONDS);
        if (member != null) {
          name = Inputs.givenName(member.getGivenName());
          if (name == null) {
            name = Inputs.firstName(member.getName());
          }
        }
      } catch (Exception e) {
        if (TeamsAdapter.connectorFailure(e)) {
          // The reply that follows fails the same way, and the server logs that once.
          LOG.debug("member lookup failed: connector unreachable");
        } else {
          LOG.warn("member lookup failed: {}", e.getClass().getSimpleName());
        }
      }
    }
    if (name == null) {
      name = Inputs.firstName(activity.getFrom() == null ? null : activity.getFrom().getName());
    }
    names.put(key, name == null ? "" : name);
    return name;
  }

  /** Who sent the activity: session key, AAD object id (or channel id), given name, UPN. */
  static Agent agent(Activity activity, String name) {
    ChannelAccount from = activity.getFrom();
    String id = from == null ? "-" : from.getAadObjectId() != null ? from.getAadObjectId() : from.getId();
    String upn = from == null || from.getProperties() == null || from.getProperties().get("userPrincipalName") == null
        ? null : from.getProperties().get("userPrincipalName").asText();
    return new Agent(Inputs.agentKey(activity), id, name, upn);
  }

  private boolean leads(TurnContext ctx) {
    return desk != null && desk.fromLeadsTeam(ctx.getActivity());
  }

  private static String conversationType(Activity a) {
    return a.getConversation() == null ? null : a.getConversation().getConversationType();
  }
}
