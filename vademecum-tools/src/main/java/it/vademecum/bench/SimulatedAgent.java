package it.vademecum.bench;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One support agent in a personal chat with the bot: asks a question in free text, clicks the
 * buttons of the cards it gets back, types a value when asked, now and then goes back or starts
 * over, and starts a new question after an answer. A click is sent as the card's button says: an
 * {@code Action.Execute} as an {@code adaptiveCard/action} invoke, whose HTTP response must carry
 * the clicked card settled, an {@code Action.Submit} as a message. A turn ends when its reply has
 * come and the HTTP response with it. Against the echo bot it sends the same shapes (a typed
 * sentence, a button's value as a message or an invoke), since an echo has no cards to read.
 */
final class SimulatedAgent implements Runnable {

  private static final String BACK = ActionCodec.encode(new Action.Command("indietro"));
  private static final String CANCEL = ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.CANCEL));

  private static final MediaType JSON = MediaType.get("application/json");
  /** How long a turn may take before its missing replies count as lost. */
  private static final long REPLY_WAIT_MS = 15_000;

  private final LoadRun run;
  private final Random random;
  private final TeamsActivities.Sender vademecumChat;
  private final TeamsActivities.Sender echoChat;
  private CardReading card;
  /** The id the connector gave the last card, which a click answers (replyToId). */
  private String cardId;
  /** The value the current input clicks, or null for typed text. */
  private String clicked;
  /** Whether the current click is an Action.Execute invoke. */
  private boolean executed;

  SimulatedAgent(LoadRun run, int index, long seed) {
    this.run = run;
    this.random = new Random(seed);
    String aad = UUID.nameUUIDFromBytes(("agent-" + index).getBytes()).toString();
    this.vademecumChat = new TeamsActivities.Sender("a:bench-v-" + index, "29:bench-user-" + index, aad,
        "Agente " + index);
    this.echoChat = new TeamsActivities.Sender("a:bench-e-" + index, "29:bench-user-" + index, aad,
        "Agente " + index);
  }

  @Override
  public void run() {
    try {
      // Each agent's first message (with its name looked up in Teams) comes early in the warm-up.
      long next = System.nanoTime() + (run.thinkMeanMs() <= 0 ? 0
          : TimeUnit.MILLISECONDS.toNanos(random.nextInt((int) Math.min(run.thinkMeanMs(), 2_000) + 1)));
      while (true) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        LoadRun.Phase phase = run.phase();
        if (phase == null) {
          return;
        }
        long epoch = run.epoch();
        long started = System.nanoTime();
        turn(phase, epoch);
        next = started + gap();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Nanoseconds from the start of one message to the start of the next: exponential around the
   * mean interval (a Poisson stream per agent), or 0 for back-to-back turns. An agent never has
   * two turns in flight: a turn longer than the gap delays the next message.
   */
  private long gap() {
    if (run.thinkMeanMs() <= 0) {
      return 0;
    }
    double ms = -Math.log(1 - random.nextDouble()) * run.thinkMeanMs();
    return TimeUnit.MICROSECONDS.toNanos((long) (Math.min(ms, run.thinkMeanMs() * 10.0) * 1000));
  }

  private void turn(LoadRun.Phase phase, long epoch) throws InterruptedException {
    boolean echo = phase.echo();
    String id = UUID.randomUUID().toString();
    clicked = null;
    executed = false;
    byte[] body = echo ? echoInput(id) : vademecumInput(id);
    LoadRun.Shape shape = clicked == null ? LoadRun.Shape.TYPED
        : executed ? LoadRun.Shape.EXECUTE : LoadRun.Shape.SUBMIT;
    MiniConnector.Inbox inbox = run.connector().expect(id);
    boolean choice = !echo && clicked != null && CardReading.isChoice(clicked);
    // A choice clicked as Action.Submit settles its card with an update while the bot answers;
    // as Action.Execute, with the invoke response.
    String settles = choice && !executed ? cardId : null;
    if (settles != null) {
      run.connector().expectUpdate(settles, inbox);
    }
    long start = System.nanoTime();
    int status;
    String response = "";
    try (Response r = run.http().newCall(new Request.Builder().url(echo ? run.echoUrl() : run.vademecumUrl())
        .post(RequestBody.create(body, JSON)).build()).execute()) {
      status = r.code();
      if (r.body() != null) {
        response = r.body().string();
      }
    } catch (IOException e) {
      status = -1;
    }
    long httpDone = System.nanoTime();
    String failure = status == 200 ? null : "http " + status;
    boolean settledInResponse = executed && response.contains(CardReading.CARD_TYPE);
    if (failure == null && choice && executed && !settledInResponse) {
      failure = "clicked card not settled in the invoke response";
    }
    List<MiniConnector.Delivery> got = inbox.await(1, REPLY_WAIT_MS);
    int expected = 1;
    if (!echo) {
      CardReading read = got.isEmpty() ? null : CardReading.of(got.get(0).body());
      if (read == null) {
        failure = failure != null ? failure : got.isEmpty() ? "no reply" : "first reply is not a card";
        card = null;
        cardId = null;
      } else {
        card = read;
        cardId = got.get(0).id();
      }
    }
    List<MiniConnector.Delivery> updates = List.of();
    if (settles != null) {
      updates = inbox.awaitUpdates(1, REPLY_WAIT_MS);
      run.connector().forgetUpdate(settles);
      if (failure == null && updates.isEmpty()) {
        failure = "clicked card not updated";
      }
    }
    // Whatever else arrived by now counts: one message per turn is measured, not assumed.
    got = inbox.snapshot();
    run.connector().forget(id);
    int lost = Math.max(0, expected - got.size());
    if (failure == null && lost > 0) {
      failure = "lost replies";
    }
    if (failure == null && got.stream().anyMatch(d -> d.body().contains(CardReading.ERROR_TEXT))) {
      failure = "bot error message";
    }
    long end = httpDone;
    for (MiniConnector.Delivery d : got) {
      end = Math.max(end, d.nanos());
    }
    for (MiniConnector.Delivery d : updates) {
      end = Math.max(end, d.nanos());
    }
    long chars = response.length();
    for (MiniConnector.Delivery d : got) {
      chars += d.body().length();
    }
    for (MiniConnector.Delivery d : updates) {
      chars += d.body().length();
    }
    run.record(phase, epoch, shape, end - start, got.size(), updates.size(), settledInResponse ? 1 : 0, chars,
        lost, failure);
  }

  /** A click on {@code value}: an invoke when the card made it an Action.Execute, else a message. */
  private byte[] click(TeamsActivities.Sender chat, String id, String value, boolean echo) {
    clicked = value;
    executed = echo ? false : card.executes().contains(value);
    return executed ? run.activities().execute(chat, id, value, cardId)
        : run.activities().click(chat, id, value, echo ? null : cardId);
  }

  /**
   * The same shapes as Vademecum's agents send, in about the shares they send them: 70 % typed
   * (questions, values at a prompt, "ricomincia"), 28 % a choice clicked as Action.Execute, 2 %
   * another button as Action.Submit. The bench's "inputs" line shows the shares of both bots.
   */
  private byte[] echoInput(String id) {
    int dice = random.nextInt(100);
    if (dice < 70) {
      return run.activities().text(echoChat, id, sentence());
    }
    String value = ActionCodec.encode(new Action.Choose("topic", "node", random.nextInt(3)));
    if (dice < 98) {
      clicked = value;
      executed = true;
      return run.activities().execute(echoChat, id, value, null);
    }
    return click(echoChat, id, value, true);
  }

  private byte[] vademecumInput(String id) {
    TeamsActivities activities = run.activities();
    if (card == null) {
      return activities.text(vademecumChat, id, sentence());
    }
    List<String> choices = card.values().stream().filter(CardReading::isChoice).toList();
    boolean canGoBack = card.values().contains(BACK);
    int dice = random.nextInt(100);
    if (!choices.isEmpty()) {
      if (dice < 4 && canGoBack) {
        return click(vademecumChat, id, BACK, false);
      }
      if (dice < 6) {
        card = null;
        return activities.text(vademecumChat, id, "ricomincia");
      }
      return click(vademecumChat, id, choices.get(random.nextInt(choices.size())), false);
    }
    if (card.values().contains(CANCEL)) {
      return click(vademecumChat, id, CANCEL, false);
    }
    if (card.asksValue()) {
      String prompt = card.prompt() == null ? "" : card.prompt();
      String value = prompt.contains("PEC") ? "mario.rossi@pec.it"
          : prompt.contains("ticket") ? "ticket 4815162" : "Giulia";
      return activities.text(vademecumChat, id, value);
    }
    if (dice < 5 && canGoBack) {
      return activities.text(vademecumChat, id, "indietro");
    }
    return activities.text(vademecumChat, id, sentence());
  }

  private String sentence() {
    List<String> s = run.sentences();
    return s.get(random.nextInt(s.size()));
  }

  static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
