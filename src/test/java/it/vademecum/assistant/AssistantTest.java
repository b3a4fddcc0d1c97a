package it.vademecum.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.Engine;
import it.vademecum.engine.Input;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Turn;
import it.vademecum.privacy.Redactor;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.usage.H2UsageLog;
import it.vademecum.usage.UsageLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A turn through commands, engine, statistics and the escalation sink, on a real embedded database. */
class AssistantTest {

  @TempDir
  Path data;

  private final Clock clock = Clock.fixed(Knowledge.TUESDAY_10, ZoneOffset.UTC);
  private final List<String> escalated = new ArrayList<>();
  private final Agent mario = new Agent("t/mario", "aad-mario", "Mario", "mario@example.com");
  private UsageLog usage;
  private Assistant assistant;

  @BeforeEach
  void start() {
    usage = H2UsageLog.open(data, Redactor.defaults(), clock, true);
    Engine engine = Knowledge.engine();
    Command ping = (agent, input, session) -> input instanceof Input.Text t && t.text().equals("ping")
        ? Optional.of(new Turn(session, Reply.info(List.of(), "pong", List.of(), List.of()))) : Optional.empty();
    assistant = new Assistant(() -> engine, new CaffeineSessionStore(Duration.ofHours(8), 100), usage,
        (agent, request) -> {
          escalated.add(agent.id() + " " + request.ticket());
          return List.of("In coda per il TL.");
        }, List.of(ping), clock);
  }

  @AfterEach
  void stop() {
    usage.close();
  }

  @Test
  void recordsNoTopicSentencesRedacted() {
    assistant.turn(mario, Input.text("la mia vicina mario.rossi@gmail.com chiede del meteo 3471234567"));
    var unmatched = usage.unmatched(Instant.EPOCH, 10);
    assertEquals(1, unmatched.size());
    assertTrue(unmatched.get(0).text().contains("[email]"), unmatched.get(0).text());
    assertTrue(unmatched.get(0).text().contains("[telefono]"), unmatched.get(0).text());
  }

  @Test
  void recordsAnswersReached() {
    Reply r = assistant.turn(mario, Input.text("bonifico di 600 euro fatto ieri non registrato"));
    assertEquals(Reply.Kind.ANSWER, r.kind());
    assertEquals("pagamento-non-registrato", usage.answersByTopic(Instant.EPOCH, 10).get(0).topicId());
  }

  @Test
  void recordsTheTopicPickedAmongThreeWithItsSentence() {
    Reply r = assistant.turn(mario, Input.text("richiesta di assistenza"));
    assertEquals(Reply.Kind.SUGGESTIONS, r.kind());
    String picked = r.options().get(1).value();
    assistant.turn(mario, Input.button(picked));
    var picks = usage.picks(Instant.EPOCH, 10);
    assertEquals(1, picks.size());
    assertEquals(picked.substring(2), picks.get(0).topicId());
    assertEquals("richiesta di assistenza", picks.get(0).text());
  }

  @Test
  void handsAConfirmedEscalationToTheSinkAndShowsWhatItSaid() {
    assistant.turn(mario, Input.text("bonifico di 100 euro di 6 giorni fa non registrato"));
    assistant.turn(mario, Input.text("1234567"));
    assistant.turn(mario, Input.button("e:nonote"));
    Reply sent = assistant.turn(mario, Input.button("e:send"));
    assertEquals(List.of("aad-mario 1234567"), escalated);
    assertTrue(sent.lines().contains("In coda per il TL."), sent.lines().toString());
  }

  @Test
  void extraCommandsComeBeforeTheEngine() {
    assertEquals("pong", assistant.turn(mario, Input.text("ping")).prompt());
  }
}
