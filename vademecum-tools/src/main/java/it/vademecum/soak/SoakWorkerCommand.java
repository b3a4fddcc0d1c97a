package it.vademecum.soak;

import it.vademecum.assistant.Agent;
import it.vademecum.engine.EscalationRequest;
import it.vademecum.escalation.Backoff;
import it.vademecum.escalation.Escalation;
import it.vademecum.escalation.EscalationSender;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.OutboxSink;
import it.vademecum.escalation.State;
import it.vademecum.privacy.Redactor;
import it.vademecum.teams.ChannelRoute;
import it.vademecum.teams.TeamsChannelPoster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The soak's "server" process: agents' escalations arrive through the real sink into the outbox
 * while the real sender posts them to the soak connector. Prints "ack ID" once the sink has
 * answered the agent (the escalation is durable), and "drained" when nothing is pending.
 */
@Command(name = "soak-worker", hidden = true, description = "Internal: one process of the escalation soak.")
public final class SoakWorkerCommand implements Callable<Integer> {

  static final String CHANNEL = "19:soak@thread.tacv2";

  @Option(names = "--data", required = true)
  Path data;

  @Option(names = "--connector", required = true)
  String connector;

  @Option(names = "--count", defaultValue = "1000")
  int count;

  @Option(names = "--rate", defaultValue = "300", description = "Escalations per second.")
  int rate;

  static EscalationSender.Timing timing() {
    return new EscalationSender.Timing(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMillis(100),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(500)));
  }

  static TeamsChannelPoster poster(H2Outbox outbox) {
    return new TeamsChannelPoster(CHANNEL, "", "", "", outbox, Duration.ofSeconds(2), Clock.systemUTC());
  }

  @Override
  public Integer call() throws Exception {
    H2Outbox outbox = H2Outbox.open(data, Redactor.defaults(), Clock.systemUTC());
    outbox.put(ChannelRoute.CHANNEL, CHANNEL, new ChannelRoute(connector, "tenant-soak", "team-soak").toJson());
    TeamsChannelPoster poster = poster(outbox);
    EscalationSender sender = new EscalationSender(outbox, poster, (key, text) -> true, timing(), Clock.systemUTC())
        .start();
    OutboxSink sink = new OutboxSink(outbox, poster, sender::wake);
    List<Integer> share = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      share.add(i);
    }
    int existing = 0;
    for (int a = 0; a < 50; a++) {
      existing += outbox.ofAgent(agentKey(a), count).size();
    }
    long pace = 1_000_000_000L / Math.max(1, rate);
    long next = System.nanoTime();
    for (int i : share.subList(Math.min(existing, share.size()), share.size())) {
      Agent agent = new Agent(agentKey(i % 50), "agent-" + (i % 50), "Agente" + (i % 50), null);
      EscalationRequest request = new EscalationRequest("pagamento-non-registrato", "Pagamento non registrato",
          "scala-tl", "Scala al TL.", "Bonifico non registrato dopo 72 ore lavorative",
          String.format("T-%07d", i), "nota di prova " + i, List.of("Come ha pagato il cliente? → Bonifico"));
      List<String> lines = sink.submit(agent, request);
      if (!lines.get(0).startsWith("Escalation n. ")) {
        System.err.println("not queued: " + lines);
        return 1;
      }
      long id = Long.parseLong(lines.get(0).substring("Escalation n. ".length()).split(" ")[0]);
      System.out.println("ack " + id);
      System.out.flush();
      next += pace;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
    while (true) {
      Map<State, Long> states = outbox.countByState(Instant.EPOCH);
      if (states.getOrDefault(State.PENDING, 0L) == 0 && states.getOrDefault(State.SENDING, 0L) == 0) {
        break;
      }
      Thread.sleep(20);
    }
    sender.close();
    outbox.close();
    System.out.println("drained");
    return 0;
  }

  /** A soak agent: a restarted worker counts what its agents already escalated. */
  private static String agentKey(int agent) {
    return "soak/agent-" + agent;
  }

  static long id(Escalation e) {
    return e.id();
  }
}
