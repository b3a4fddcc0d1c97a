package it.vademecum.teams;

import it.vademecum.assistant.Command;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.assistant.Notifier;
import it.vademecum.config.TypedSettings;
import it.vademecum.escalation.EscalationSender;
import it.vademecum.escalation.EscalationStats;
import it.vademecum.escalation.H2Outbox;
import it.vademecum.escalation.MyEscalationsCommand;
import it.vademecum.escalation.OpenEscalations;
import it.vademecum.escalation.OutboxException;
import it.vademecum.escalation.OutboxSink;
import it.vademecum.privacy.Redactor;
import it.vademecum.store.Database;
import it.vademecum.store.RetentionJob;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Escalations for the Teams server, wired in one place: the outbox under DATA_DIR, the channel
 * poster, the sink and "le mie escalation" for the assistant, the desk for the bot, and (once the
 * adapter exists) the sender threads with the agents' notifier. Without an outbox (database in use,
 * disk not writable) escalations fall back to "contact the TL by hand".
 */
public final class TeamsEscalations implements AutoCloseable {

  private final String appId;
  private final H2Outbox outbox;
  private final TeamsChannelPoster poster;
  private final EscalationDesk desk;
  private final Clock clock;
  private volatile EscalationSender sender;
  private volatile Notifier notifier;

  private final String openProblem;

  private TeamsEscalations(TypedSettings settings, H2Outbox outbox, String openProblem, Clock clock) {
    this.openProblem = openProblem;
    this.outbox = outbox;
    this.clock = clock;
    String channel = settings.escalations().teamLeadChannelId().orElse("");
    TypedSettings.Credentials credentials = settings.credentials();
    this.appId = credentials.appId();
    this.poster = outbox == null ? null : new TeamsChannelPoster(channel, credentials.appId(),
        credentials.appPassword(), credentials.singleTenant(), outbox, Duration.ofSeconds(15), clock);
    this.desk = outbox == null ? null : new EscalationDesk(outbox, channel, this::wake);
  }

  /** The outbox of DATABASE_URL, or under DATA_DIR; without one, escalations are by hand. */
  public static TeamsEscalations open(TypedSettings settings) {
    Clock clock = Clock.systemUTC();
    H2Outbox outbox = null;
    String problem = null;
    Redactor redactor = Redactor.from(settings.redaction());
    try {
      outbox = settings.shared().databaseUrl().isPresent()
          ? H2Outbox.open(Database.postgres(settings.shared().databaseUrl().get(), "escalations"), redactor, clock)
          : H2Outbox.open(settings.server().dataDir(), redactor, clock);
    } catch (OutboxException e) {
      System.err.println("Escalation al TL solo a mano: " + e.getMessage());
      problem = e.getMessage();
    }
    return new TeamsEscalations(settings, outbox, problem, clock);
  }

  /** Channel posts wait under the connector ceiling shared by every instance, when there is one. */
  public void shareCeiling(ConnectorLimits limits) {
    if (poster != null) {
      poster.shareCeiling(limits);
    }
  }

  public EscalationSink sink() {
    return outbox == null ? EscalationSink.byHand() : new OutboxSink(outbox, poster, this::wake);
  }

  public List<Command> commands() {
    return outbox == null ? List.of() : List.of(new MyEscalationsCommand(outbox));
  }

  /** For the bot: null without an outbox. */
  public EscalationDesk desk() {
    return desk;
  }

  /**
   * Messages to agents' personal chats (break reminders, reload warnings), through the stored
   * conversation references; false until {@link #start} has the adapter, or without an outbox.
   */
  public Notifier notifier() {
    return (agentKey, text) -> {
      Notifier n = notifier;
      return n != null && n.tell(agentKey, text);
    };
  }

  /** For supervisors' commands: escalations not taken, and the resend of an uncertain one. */
  public Optional<OpenEscalations> supervision() {
    return Optional.ofNullable(outbox);
  }

  /**
   * For the retention job: escalations taken before the cutoff keep only a count per day and topic;
   * nothing without an outbox.
   */
  public List<RetentionJob.Part> retention() {
    return outbox == null ? List.of() : List.of(new RetentionJob.Part("escalations", outbox::purge));
  }

  /** For the supervisors' dashboard: figures on escalations, empty without an outbox. */
  public Optional<EscalationStats> stats() {
    return Optional.ofNullable(outbox);
  }

  /** The outbox and the TL channel, as /healthz reports them. */
  public List<HealthPart> health() {
    if (outbox == null) {
      return List.of(HealthPart.off("escalations", openProblem), HealthPart.off("channel", "no outbox"));
    }
    try {
      return List.of(HealthPart.ok("escalations"), poster.configurationProblem()
          .map(p -> HealthPart.off("channel", p)).orElse(HealthPart.ok("channel")));
    } catch (OutboxException e) {
      return List.of(HealthPart.off("escalations", "outbox not readable: " + e.getMessage()),
          HealthPart.off("channel", "route not readable"));
    }
  }

  /** A line for the server's start-up banner. */
  public String status() {
    if (outbox == null) {
      return "Escalations: no outbox, agents contact the TL by hand.";
    }
    return "Escalations: outbox " + outbox.location() + ", channel "
        + poster.configurationProblem().map(p -> "not reachable yet (" + p + ")").orElse("route known") + ".";
  }

  /** Starts delivering, through the adapter the server built. */
  public void start(TeamsAdapter adapter) {
    if (outbox == null) {
      return;
    }
    notifier = new TeamsNotifier(adapter, appId, outbox);
    sender = new EscalationSender(outbox, poster, notifier, EscalationSender.Timing.standard(), clock).start();
  }

  private void wake() {
    EscalationSender s = sender;
    if (s != null) {
      s.wake();
    }
  }

  @Override
  public void close() {
    if (sender != null) {
      sender.close();
    }
    if (outbox != null) {
      outbox.close();
    }
  }
}
