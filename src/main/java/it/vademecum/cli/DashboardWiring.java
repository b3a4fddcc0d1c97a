package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.dashboard.Dashboard;
import it.vademecum.dashboard.ReviewDates;
import it.vademecum.dashboard.Suggestions;
import it.vademecum.dialog.Topic;
import it.vademecum.supervisor.DialogsReloader;
import it.vademecum.teams.TeamsEscalations;
import it.vademecum.teams.TeamsServer;
import it.vademecum.usage.UsageLog;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The supervisors' dashboard for serve: local on loopback, or a Teams tab with credentials. */
final class DashboardWiring {

  private DashboardWiring() {}

  static Dashboard dashboard(TypedSettings settings, TeamsServer.Options options, UsageLog usage,
      TeamsEscalations escalations, Supplier<DialogsReloader> dialogs) {
    // Titles from the dialogs in force (loaded after the server starts: the id until then).
    Function<String, String> titles = id -> Optional.ofNullable(dialogs.get())
        .flatMap(d -> d.get().catalog().topic(id)).map(Topic::title).orElse(id);
    ReviewDates reviews = ReviewDates.of(() -> Optional.ofNullable(dialogs.get()).map(d -> d.get().catalog()).orElse(null));
    Dashboard.Sources sources = new Dashboard.Sources(usage, escalations.stats(), titles, reviews,
        Suggestions.of(usage, titles));
    if (options.localMode()) {
      return Dashboard.local(sources, Clock.systemUTC(), settings.retention().usage());
    }
    return Dashboard.teams(sources, Clock.systemUTC(), settings.retention().usage(), options.appId(),
        options.tenantId(), settings.server().supervisors());
  }
}
