package it.vademecum.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import it.vademecum.escalation.EscalationStats;
import it.vademecum.supervisor.Roles;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import it.vademecum.usage.UsageStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' dashboard: {@code GET /dashboard} (the page, also the Teams tab), its scripts
 * under {@code /dashboard/assets/}, and the figures it reads as JSON under {@code /api/stats/}.
 * Each section takes {@code from} and {@code to} (ISO dates, Europe/Rome; the last seven days by
 * default) and answers only to whom {@link DashboardAccess} lets in.
 */
public final class Dashboard {

  public static final String PATH = "/dashboard";
  public static final String API = "/api/stats/";

  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
  /** Dates as ISO text ({@code 2026-04-10}), as the page reads them. */
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Where the figures come from; the review dates and suggestions may be {@code NONE} for now. */
  public record Sources(UsageLog usage, Optional<EscalationStats> escalations, Function<String, String> titles,
      ReviewDates reviews, Suggestions suggestions) {}

  private final DashboardStats stats;
  private final DashboardAccess access;
  private final Duration retention;
  private final DashboardPage page;

  Dashboard(Sources sources, Clock clock, Duration retention, DashboardAccess access) {
    this.stats = new DashboardStats(sources.usage(), sources.escalations(), sources.titles(), sources.reviews(),
        sources.suggestions(), clock);
    this.access = access;
    this.retention = retention;
    this.page = new DashboardPage(access);
  }

  /** Local mode (no Microsoft credentials): open to this machine only. */
  public static Dashboard local(Sources sources, Clock clock, Duration retention) {
    return new Dashboard(sources, clock, retention, DashboardAccess.local());
  }

  /**
   * A Teams tab: the page signs in through Teams SSO and only SUPERVISORS get the figures.
   *
   * @param tenantId the only tenant let in, or blank for any
   */
  public static Dashboard teams(Sources sources, Clock clock, Duration retention, String appId, String tenantId,
      List<String> supervisors) {
    return new Dashboard(sources, clock, retention, DashboardAccess.teams(
        new SsoTokens(appId, tenantId, SsoTokens.openIdUrl(tenantId)), new Roles(supervisors)));
  }

  /** The routes, on the bot's own HTTP server. */
  public void install(Javalin app) {
    app.get(PATH, page::serve);
    app.get(PATH + "/assets/{name}", page::asset);
    app.get(API + "{section}", this::section);
  }

  private void section(Context ctx) throws JsonProcessingException {
    ctx.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    Optional<DashboardAccess.Refusal> refused = access.check(ctx.req().getRemoteAddr(), ctx.header("Authorization"));
    if (refused.isPresent()) {
      json(ctx, refused.get().status(), Map.of("error", refused.get().message(), "status", refused.get().status()));
      return;
    }
    StatsRange range;
    try {
      range = StatsRange.parse(ctx.queryParam("from"), ctx.queryParam("to"), stats.clock(), retention,
          H2UsageLog.ROME);
    } catch (StatsRange.BadRange e) {
      json(ctx, 400, Map.of("error", e.getMessage(), "status", 400));
      return;
    }
    Object body;
    try {
      body = switch (ctx.pathParam("section")) {
        case "overview" -> stats.overview(range);
        case "days" -> stats.days(range);
        case "hours" -> stats.hours(range);
        case "topics" -> stats.topics(range);
        case "unmatched" -> stats.unmatched(range);
        case "escalations" -> stats.escalations(range);
        case "feedback" -> stats.feedback(range);
        case "reviews" -> stats.reviews();
        case "suggestions" -> stats.suggestions();
        default -> null;
      };
    } catch (UsageStoreException | it.vademecum.escalation.OutboxException e) {
      LOG.warn("dashboard: {} unavailable ({})", ctx.pathParam("section"), e.getClass().getSimpleName());
      json(ctx, 503, Map.of("error", "Le statistiche non sono disponibili in questo momento: riprova tra poco.",
          "status", 503));
      return;
    }
    if (body == null) {
      json(ctx, 404, Map.of("error", "Sezione sconosciuta.", "status", 404));
      return;
    }
    json(ctx, 200, body);
  }

  private static void json(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
  }

  /** The JSON the sections write, for tests that read it back. */
  static ObjectMapper json() {
    return JSON;
  }
}
