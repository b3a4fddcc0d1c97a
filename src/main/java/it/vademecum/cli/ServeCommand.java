package it.vademecum.cli;

import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.config.Settings;
import it.vademecum.engine.Engine;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.teams.ConnectorLimits;
import it.vademecum.teams.TeamsServer;
import it.vademecum.teams.VademecumBot;
import it.vademecum.usage.UsageLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Teams bot: POST /api/messages and GET /healthz on PORT (default 3978). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the Microsoft Teams bot (POST /api/messages, GET /healthz).")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: PORT or 3978).")
  Integer port;

  @Mixin
  DialogsOption dialogs;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = Settings.load();
    Optional<Engine> loaded = dialogs.load(settings, System.err);
    if (loaded.isEmpty()) {
      System.err.println("Il server non parte con dialoghi non validi.");
      return 1;
    }
    Engine engine = loaded.get();
    TeamsServer.Options options = new TeamsServer.Options(settings.appId(), settings.appPassword(),
        settings.get("MicrosoftAppType", "MultiTenant"), settings.get("MicrosoftAppTenantId", ""), null,
        port != null ? port : settings.port());
    UsageLog usage = Usage.open(settings);
    Assistant assistant = new Assistant(() -> engine, new CaffeineSessionStore(settings.sessionTtl(), 100_000),
        usage, EscalationSink.byHand(), List.of(), Clock.systemUTC());
    VademecumBot bot = new VademecumBot(assistant);
    TeamsServer server = new TeamsServer(options, () -> engine, bot, ConnectorLimits.fromSettings(settings));
    int bound = server.start();
    if (options.localMode()) {
      System.out.println("Local mode: no MicrosoftAppId, so no authentication; listening on 127.0.0.1 only.");
    } else {
      System.out.println("Authenticated mode: Bot Framework JWT validation on, app id " + options.appId()
          + (options.tenantId().isBlank() ? "" : ", tenant " + options.tenantId()) + ".");
    }
    System.out.println("Vademecum on http://" + options.bindHost() + ":" + bound + "/api/messages ("
        + engine.catalog().list().size() + " topics, dialogs version " + engine.catalog().version() + ").");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      usage.close();
      stop.countDown();
    }));
    stop.await();
    return 0;
  }
}
