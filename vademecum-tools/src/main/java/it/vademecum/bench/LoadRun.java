package it.vademecum.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;

/**
 * What the simulated agents share during a load run: the HTTP client, the connector, the two
 * servers' URLs, the current phase (which bot is loaded, and whether it is measured), and the
 * figures of each bot. A turn counts for the phase it started in, and only if it also ended in it,
 * so phases do not bleed into each other.
 */
final class LoadRun {

  /** Which bot the agents talk to now; warm-up phases are not measured. */
  enum Phase {
    WARMUP_VADEMECUM(false, false), WARMUP_ECHO(true, false), VADEMECUM(false, true), ECHO(true, true);

    private final boolean echo;
    private final boolean measured;

    Phase(boolean echo, boolean measured) {
      this.echo = echo;
      this.measured = measured;
    }

    boolean echo() {
      return echo;
    }

    boolean measured() {
      return measured;
    }
  }

  /** What an agent's activity was: typed text, an Action.Submit click, an Action.Execute invoke. */
  enum Shape { TYPED, SUBMIT, EXECUTE }

  /** The figures of one bot. */
  static final class Figures {
    final Latencies latencies = new Latencies();
    final LongAdder turns = new LongAdder();
    final LongAdder messages = new LongAdder();
    /** Messages the bot updated in place (question cards settled after a click). */
    final LongAdder updates = new LongAdder();
    /** Clicked cards settled by the invoke response of their Action.Execute (no connector call). */
    final LongAdder settledInResponse = new LongAdder();
    /** Measured turns by the shape of the agent's activity, in {@link Shape} order. */
    final java.util.concurrent.atomic.AtomicLongArray byShape =
        new java.util.concurrent.atomic.AtomicLongArray(Shape.values().length);
    /**
     * Characters of the JSON the bot sent for the measured turns: what the connector received
     * (replies and updates) and the HTTP responses (invoke responses).
     */
    final LongAdder replyChars = new LongAdder();
    /** Turns by number of reply messages (the last slot: that many or more). */
    final java.util.concurrent.atomic.AtomicLongArray byMessages = new java.util.concurrent.atomic.AtomicLongArray(9);
    final LongAdder lost = new LongAdder();
    final LongAdder errors = new LongAdder();
    final AtomicLong measuredNanos = new AtomicLong();
    /** CPU time of the whole process (server, connector and agents) during the measured phases. */
    final AtomicLong cpuNanos = new AtomicLong();
    /** Milliseconds the JIT compilers spent compiling during the measured phases (wall time of their threads). */
    final AtomicLong jitMillis = new AtomicLong();
    /** The same split by part ({@link ThreadCpu}). */
    final java.util.concurrent.ConcurrentMap<String, Long> cpuByPart = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Bytes the threads allocated during the measured phases, by part ({@link ThreadCpu#allocated}). */
    final java.util.concurrent.ConcurrentMap<String, Long> allocatedByPart =
        new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Milliseconds the garbage collectors spent during the measured phases. */
    final AtomicLong gcMillis = new AtomicLong();
    volatile String firstError;
  }

  private final OkHttpClient http;
  private final MiniConnector connector;
  private final TeamsActivities activities;
  private final String vademecumUrl;
  private final String echoUrl;
  private final List<String> sentences;
  private final long thinkMeanMs;
  private final Figures vademecum = new Figures();
  private final Figures echo = new Figures();
  private volatile Phase phase;
  private final AtomicLong epoch = new AtomicLong();

  LoadRun(OkHttpClient http, MiniConnector connector, TeamsActivities activities, String vademecumUrl,
      String echoUrl, List<String> sentences, long thinkMeanMs) {
    this.http = http;
    this.connector = connector;
    this.activities = activities;
    this.vademecumUrl = vademecumUrl;
    this.echoUrl = echoUrl;
    this.sentences = List.copyOf(sentences);
    this.thinkMeanMs = thinkMeanMs;
  }

  OkHttpClient http() {
    return http;
  }

  MiniConnector connector() {
    return connector;
  }

  TeamsActivities activities() {
    return activities;
  }

  String vademecumUrl() {
    return vademecumUrl;
  }

  String echoUrl() {
    return echoUrl;
  }

  List<String> sentences() {
    return sentences;
  }

  long thinkMeanMs() {
    return thinkMeanMs;
  }

  /** The current phase, or null when the run is over. */
  Phase phase() {
    return phase;
  }

  long epoch() {
    return epoch.get();
  }

  void switchTo(Phase next) {
    phase = next;
    epoch.incrementAndGet();
  }

  Figures figures(boolean ofEcho) {
    return ofEcho ? echo : vademecum;
  }

  void record(Phase started, long startEpoch, Shape shape, long nanos, int messages, int updates,
      int settledInResponse, long replyChars, int lost, String failure) {
    Figures f = figures(started.echo());
    if (failure != null || lost > 0) {
      // Failures count in every phase, warm-up included: errors=0 means none at all.
      f.lost.add(lost);
      f.errors.increment();
      if (f.firstError == null) {
        f.firstError = failure;
      }
      return;
    }
    if (!started.measured() || epoch.get() != startEpoch) {
      return;
    }
    f.turns.increment();
    f.messages.add(messages);
    f.updates.add(updates);
    f.settledInResponse.add(settledInResponse);
    f.byShape.incrementAndGet(shape.ordinal());
    f.replyChars.add(replyChars);
    f.byMessages.incrementAndGet(Math.min(messages, 8));
    f.latencies.add(nanos);
  }
}
