package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import io.javalin.util.JavalinBindException;
import it.vademecum.assistant.Assistant;
import it.vademecum.backup.BackupListener;
import it.vademecum.config.Settings;
import it.vademecum.dashboard.Dashboard;
import it.vademecum.engine.Engine;
import it.vademecum.session.SessionStore;
import it.vademecum.supervisor.DialogsReloader;
import it.vademecum.supervisor.Supervision;
import it.vademecum.store.DamagedStoreException;
import it.vademecum.store.RetentionJob;
import it.vademecum.teams.HealthPart;
import it.vademecum.teams.RateLimiter;
import it.vademecum.teams.PendingBot;
import it.vademecum.teams.TeamsEscalations;
import it.vademecum.teams.ConnectorLimits;
import it.vademecum.teams.TeamsServer;
import it.vademecum.teams.VademecumBot;
import it.vademecum.usage.UsageLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Teams bot: POST /api/messages and GET /healthz on PORT (default 3978). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the Microsoft Teams bot (POST /api/messages, GET /healthz).")
final class ServeCommand implements Callable<Integer> {

  /** How long a stop waits for requests in flight: more than a turn's own bound. */
  static final Duration DRAIN = TeamsServer.DEFAULT_TURN_TIMEOUT.plusSeconds(5);

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: PORT or 3978).")
  Integer port;

  @Mixin
  DialogsOption dialogs;

  /** For the build's training run of the class-data archive (see README, "Start-up"). */
  @Option(names = "--exit-when-ready", hidden = true, description = "Stop as soon as the bot is ready.")
  boolean exitWhenReady;

  @Override
  public Integer call() throws InterruptedException, IOException {
    Settings settings = Settings.load();
    Optional<String> credentials = settings.credentialsProblem();
    if (credentials.isPresent()) {
      System.err.println(credentials.get());
      return 1;
    }
    // Every setting parsed before anything starts: a bad value stops here, named.
    TypedSettings typed = TypedSettings.parse(settings);
    boolean phrasesAsMessages = typed.server().phrasesAsMessages();
    // Nothing is created (no stores, no port) before the dialogs folder is found.
    if (dialogs.present(typed, System.err).isEmpty()) {
      return 1;
    }
    // The dialogs (schema checks, matcher) load on a thread of their own while the server starts
    // and the stores open: /healthz says "starting" (503) until the bot is in place.
    CompletableFuture<Optional<DialogsReloader>> loading = CompletableFuture.supplyAsync(
        () -> dialogs.reloader(typed, System.err), runnable -> {
          Thread t = new Thread(runnable, "dialogs-loader");
          t.setDaemon(true);
          t.start();
        });
    TypedSettings.Credentials app = typed.credentials();
    TeamsServer.Options options = new TeamsServer.Options(app.appId(), app.appPassword(),
        app.appType(), app.tenantId(), null, port != null ? port : typed.server().port());
    AtomicReference<DialogsReloader> published = new AtomicReference<>();
    PendingBot pending = new PendingBot();
    ConnectorLimits limits = ConnectorLimits.from(typed.connector());
    RateLimiter.Policy perAgent = RateLimiter.Policy.from(typed.rateLimits());
    if (!free(options.bindHost(), options.port())) {
      return portInUse(options, () -> { });
    }
    Backends backends;
    try {
      backends = Backends.open(typed);
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    TeamsServer server = new TeamsServer(options, () -> published.get() == null ? null : published.get().get(),
        pending, limits.withShared(backends.sharedLimits()))
        .rateLimit(new RateLimiter(perAgent, backends.sharedLimits()))
        .sharedEngines(backends::health);
    Usage.Opened usageStore;
    TeamsEscalations escalations;
    try {
      usageStore = Usage.openWithReason(typed);
    } catch (DamagedStoreException e) {
      backends.close();
      System.err.println(e.getMessage());
      return 1;
    }
    UsageLog usage = usageStore.log();
    try {
      escalations = TeamsEscalations.open(typed);
    } catch (DamagedStoreException e) {
      usage.close();
      backends.close();
      System.err.println(e.getMessage());
      return 1;
    }
    escalations.shareCeiling(limits.withShared(backends.sharedLimits()));
    RetentionJob retention = Usage.retention(typed, usage, escalations.retention());
    SessionStore sessions = backends.sessions();
    server.routes(DashboardWiring.dashboard(typed, options, usage, escalations, published::get)::install);
    int bound;
    try {
      bound = server.start();
    } catch (JavalinBindException e) {   // taken between the check and the start
      retention.close();
      escalations.close();
      usage.close();
      backends.close();
      return portInUse(options, server::close);
    }
    Runnable abandon = () -> {
      server.close();
      retention.close();
      escalations.close();
      usage.close();
      backends.close();
    };
    Optional<DialogsReloader> loaded;
    try {
      loaded = loading.join();
    } catch (CompletionException e) {
      abandon.run();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    if (loaded.isEmpty()) {
      abandon.run();
      System.err.println("The server does not start with invalid dialogs.");
      return 1;
    }
    DialogsReloader reloader = loaded.get();
    reloader.watch(Duration.ofMillis(500));
    backends.shareDialogs(reloader);
    Engine engine = reloader.get();
    Supervision supervision;
    try {
      supervision = Supervision.start(typed.server().supervisors(), reloader, typed.server().dataDir(),
          typed.shared().databaseUrl(), usage, escalations.supervision(), escalations.notifier(), Clock.systemUTC());
    } catch (DamagedStoreException e) {
      abandon.run();
      reloader.close();
      System.err.println(e.getMessage());
      return 1;
    }
    server.health(() -> {
      List<HealthPart> parts = new ArrayList<>();
      parts.add(usageStore.problem().map(p -> HealthPart.off("usage", p)).orElse(HealthPart.ok("usage")));
      parts.addAll(escalations.health());
      parts.add(supervision.remindersProblem().map(p -> HealthPart.off("reminders", p))
          .orElse(HealthPart.ok("reminders")));
      return parts;
    });
    List<it.vademecum.assistant.Command> commands = new ArrayList<>(supervision.commands());
    commands.addAll(escalations.commands());
    Assistant assistant = new Assistant(reloader, sessions, usage, escalations.sink(), commands,
        Clock.systemUTC(), supervision.decorator());
    // For `backup`: the stores are this process's while it runs (see docs/deploy.md).
    Optional<BackupListener> backups = backups(typed.server().dataDir());
    pending.ready(new VademecumBot(assistant, escalations.desk(), phrasesAsMessages));
    published.set(reloader);
    escalations.start(server.adapter());
    System.out.println(escalations.status());
    System.out.println(backends.describe());
    if (options.localMode()) {
      System.out.println("Local mode: no MicrosoftAppId, so no authentication; listening on 127.0.0.1 only.");
    } else {
      System.out.println("Authenticated mode: Bot Framework JWT validation on, app id " + options.appId()
          + (options.tenantId().isBlank() ? "" : ", tenant " + options.tenantId()) + ".");
    }
    System.out.println("Supervisors' dashboard on http://" + options.bindHost() + ":" + bound + Dashboard.PATH
        + (options.localMode() ? " (this machine only)." : " (Teams tab, SUPERVISORS only)."));
    System.out.println("Vademecum on http://" + options.bindHost() + ":" + bound + "/api/messages ("
        + engine.catalog().list().size() + " topics, dialogs version " + engine.catalog().version() + ").");
    // SIGTERM: stop accepting, let the requests in flight finish (bounded), then close the stores.
    Runnable shutdown = () -> {
      backups.ifPresent(BackupListener::close);
      boolean drained = server.shutdown(DRAIN);
      retention.close();
      escalations.close();
      supervision.close();
      reloader.close();
      usage.close();
      backends.close();
      System.out.println("Vademecum stopped" + (drained ? "." : " before every request finished."));
    };
    if (exitWhenReady) {
      shutdown.run();
      return 0;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shutdown.run();
      stop.countDown();
    }, "vademecum-shutdown"));
    stop.await();
    return 0;
  }

  private static int portInUse(TeamsServer.Options options, Runnable close) {
    System.err.println("Port " + options.port() + " on " + options.bindHost()
        + " is already in use (another serve?): stop it, or set PORT (or --port) to a free port.");
    close.run();
    return 1;
  }

  /** The listener `backup` asks for copies of the stores this process holds; none when DATA_DIR cannot hold it. */
  private static Optional<BackupListener> backups(Path dataDir) {
    try {
      return Optional.of(BackupListener.start(dataDir));
    } catch (IOException e) {
      System.err.println("Online backup off (stop serve to run backup): " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Whether the port can be bound now: checked first, so a busy port is one line, not the server's stack trace. */
  private static boolean free(String host, int port) {
    if (port == 0) {
      return true;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
