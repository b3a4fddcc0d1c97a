package it.vademecum.supervisor;

import static it.vademecum.supervisor.Desk.ANNA;
import static it.vademecum.supervisor.Desk.LUCA;
import static it.vademecum.supervisor.Desk.MARIO;
import static it.vademecum.supervisor.Desk.SARA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.engine.Knowledge;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.shift.DialogsCopy;
import it.vademecum.escalation.OpenEscalation;
import it.vademecum.escalation.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisors' commands on seeded data, and the refusal everybody else gets. */
class SupervisorCommandsTest {

  private static final String NO_TOPIC = "chi vince il campionato di calcio";

  @TempDir
  Path tmp;

  private Desk desk;

  @BeforeEach
  void open() throws InvalidCatalogException {
    desk = new Desk(tmp, Knowledge.TUESDAY_10);
  }

  @AfterEach
  void close() {
    desk.close();
  }

  @Test
  void verificaTellsSupervisorsWhichTopicsArePastTheirReviewDateOldestFirst() {
    assertEquals("Nessun argomento da rivedere: tutti verificati sulle note entro il periodo di revisione.",
        desk.say(SARA, "verifica").prompt());
    DialogsCopy.edit(desk.dialogs, "pausa.json", "\"verified\": \"2026-12-01\"", "\"verified\": \"2025-01-10\"");
    DialogsCopy.edit(desk.dialogs, "attesa.json", "\"verified\": \"2026-12-01\"", "\"verified\": \"2025-06-01\"");
    desk.say(SARA, "ricarica");
    Reply r = desk.say(SARA, "verifica");
    assertEquals("Argomenti da rivedere sulle note, dal più vecchio: 2", r.prompt());
    assertTrue(r.lines().get(0).startsWith("Pausa 626 (pausa: verificato il 2025-01-10"), r.lines().toString());
    assertTrue(r.lines().get(1).contains("(attesa: verificato il 2025-06-01"), r.lines().toString());
    assertEquals(Roles.RESERVED, desk.say(MARIO, "verifica").prompt());
  }

  @Test
  void anAgentGetsOnlyTheRefusalAndNothingHappens() {
    String version = desk.reloader.current().version();
    DialogsCopy.edit(desk.dialogs, "pausa.json", "\"title\": \"Pausa 626\"", "\"title\": \"Pausa breve\"");
    for (String command : List.of("statistiche", "Statistiche settimana", "senza risposta oggi", "escalation aperte",
        "ricarica")) {
      Reply r = desk.say(MARIO, command);
      assertEquals(Reply.info(List.of(), "Questo comando è riservato ai supervisori.", List.of(), List.of()), r,
          command);
    }
    assertEquals(Roles.RESERVED, desk.press(ANNA, "k:statistiche settimana").prompt());
    assertEquals(version, desk.reloader.current().version(), "an agent's «ricarica» reloads nothing");
    assertTrue(desk.escalations.askedSince == null, "an agent's «statistiche» reads nothing");
  }

  @Test
  void supervisorsAreKnownByUpnWhateverTheCaseOrByObjectId() {
    assertTrue(desk.say(SARA, "statistiche").prompt().startsWith("📊 Statistiche — oggi"));
    assertTrue(desk.say(LUCA, "escalation aperte").prompt().contains("Nessuna escalation"));
  }

  @Test
  void statisticsShowTopicsSearchesEscalationsFeedbackAndHours() {
    for (int i = 0; i < 3; i++) {
      desk.say(MARIO, "bonifico di 600 euro fatto ieri non registrato");
    }
    Reply answer = desk.say(ANNA, "posso rilasciare i ticket in attesa utente?");
    desk.say(ANNA, NO_TOPIC);
    desk.press(MARIO, "f:up:pagamento-non-registrato:inoltra-billing");
    desk.press(ANNA, answer.options().get(answer.options().size() - 1).value());
    desk.say(ANNA, "non dice cosa fare dopo");
    desk.escalations.byState.put(State.PENDING, 2L);
    desk.escalations.byState.put(State.TAKEN, 1L);

    Reply r = desk.say(SARA, "statistiche oggi");
    assertEquals("📊 Statistiche — oggi", r.prompt());
    List<String> lines = r.lines();
    int top = lines.indexOf("Argomenti più chiesti:");
    assertEquals("████████████ 3  Pagamento con bollettino o bonifico non registrato", lines.get(top + 1));
    assertEquals("████ 1  Ticket da rilasciare a fine turno", lines.get(top + 2));
    assertTrue(lines.contains("Ricerche: 5 · senza argomento: 1 (20,0%) · con scelta tra più argomenti: 0 (0,0%)"),
        lines.toString());
    assertTrue(lines.contains("Escalation per stato (3 in tutto):"), lines.toString());
    assertTrue(lines.contains("████████████ 2  in coda"), lines.toString());
    assertTrue(lines.contains("██████ 1  presa in carico"), lines.toString());
    assertEquals(Knowledge.TUESDAY_10.minus(Duration.ofHours(10)), desk.escalations.askedSince, "since midnight");
    assertTrue(lines.contains("Valutazioni delle risposte: 👍 1 · 👎 1"), lines.toString());
    assertTrue(lines.contains("👎 1 👍 0  Ticket da rilasciare a fine turno → tieni"), lines.toString());
    assertTrue(lines.contains("«non dice cosa fare dopo» (Ticket da rilasciare a fine turno)"), lines.toString());
    assertTrue(lines.contains("10:00 ████████████ 5"), lines.toString());
    assertEquals(List.of(new Option("Settimana", "k:statistiche settimana"),
        new Option("Senza risposta", "k:senza risposta oggi"), new Option("Escalation aperte", "k:escalation aperte")),
        r.options());
  }

  @Test
  void todayAndTheWeekCountDifferentDays() {
    desk.clock.advance(Duration.ofDays(-3));
    desk.say(MARIO, "bonifico di 600 euro fatto ieri non registrato");
    desk.clock.advance(Duration.ofDays(3));
    desk.say(MARIO, "pausa");
    List<String> today = desk.say(SARA, "statistiche").lines();
    assertTrue(today.contains("████████████ 1  Pausa 626"), today.toString());
    assertTrue(today.stream().noneMatch(l -> l.contains("Pagamento")), today.toString());
    Reply week = desk.press(SARA, "k:statistiche settimana");
    assertEquals("📊 Statistiche — ultimi 7 giorni", week.prompt());
    assertTrue(week.lines().contains("████████████ 1  Pagamento con bollettino o bonifico non registrato"),
        week.lines().toString());
  }

  @Test
  void anUnknownPeriodIsExplained() {
    assertTrue(desk.say(SARA, "statistiche domani").prompt().startsWith("«domani» non è un periodo valido"));
  }

  @Test
  void sentencesWithoutAnswerComeMostFrequentFirstWithWhatAgentsPicked() {
    desk.say(MARIO, "domanda sul pagamento");
    desk.say(MARIO, NO_TOPIC);
    desk.say(ANNA, NO_TOPIC);
    Reply ambiguous = desk.say(ANNA, "richiesta di assistenza");
    assertEquals(Reply.Kind.SUGGESTIONS, ambiguous.kind());
    desk.press(ANNA, ambiguous.options().get(0).value());

    Reply r = desk.say(SARA, "senza risposta");
    assertEquals("Frasi senza risposta — oggi, le più frequenti prima", r.prompt());
    assertEquals("2× «" + NO_TOPIC + "» — nessun argomento", r.lines().get(0));
    assertTrue(r.lines().contains("1× «domanda sul pagamento» — scelta tra più argomenti"), r.lines().toString());
    assertTrue(r.lines().contains("1× «richiesta di assistenza» — scelta tra più argomenti"), r.lines().toString());
    assertTrue(r.lines().contains("Cosa hanno scelto gli agenti (frasi da aggiungere ai trigger):"));
    assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("1× «richiesta di assistenza» → ")), r.lines().toString());
  }

  @Test
  void openEscalationsOldestFirstWithTheirAge() {
    Instant now = Knowledge.TUESDAY_10;
    desk.escalations.open.add(open(7, "Mario", "pagamento-non-registrato", "1234567", State.POSTED,
        now.minusSeconds(25 * 60), "TEAMLEAD_CHANNEL_ID non impostato"));
    desk.escalations.open.add(open(3, "Anna", "phishing", "7654321", State.PENDING,
        now.minusSeconds(3 * 3600 + 10 * 60), null));
    Reply r = desk.say(SARA, "escalation aperte");
    assertEquals("2 escalation non ancora prese in carico, dalla più vecchia:", r.prompt());
    assertTrue(r.lines().get(0).startsWith("#3 · da 3 ore e 10 minuti · Anna · "), r.lines().get(0));
    assertTrue(r.lines().get(0).endsWith(" · ticket 7654321 · in coda"), r.lines().get(0));
    assertEquals("#7 · da 25 minuti · Mario · Pagamento con bollettino o bonifico non registrato · ticket 1234567"
        + " · inviata — ⚠ TEAMLEAD_CHANNEL_ID non impostato", r.lines().get(1));
  }

  @Test
  void anUncertainEscalationOffersSupervisorsAResendButtonThatResendsIt() {
    Instant now = Knowledge.TUESDAY_10;
    desk.escalations.open.add(open(5, "Mario", "pagamento-non-registrato", "1234567", State.UNCERTAIN,
        now.minusSeconds(600), null));
    desk.escalations.open.add(open(6, "Anna", "phishing", "7654321", State.POSTED, now.minusSeconds(60), null));
    Reply r = desk.say(SARA, "escalation aperte");
    assertEquals(List.of(new Option("Reinvia n. 5", "k:escalation reinvia 5")), r.options());
    Reply resent = desk.press(SARA, r.options().get(0).value());
    assertTrue(resent.prompt().startsWith("Escalation n. 5 rimessa in coda"), resent.prompt());
    assertTrue(desk.say(SARA, "escalation aperte").options().isEmpty());
  }

  private static OpenEscalation open(long id, String agent, String topic, String ticket, State state, Instant created,
      String problem) {
    return new OpenEscalation(id, created, Duration.ZERO, agent, topic, ticket, state, 1, problem);
  }

  @Test
  void agesReadAsItalian() {
    assertEquals("da meno di un minuto", Bars.age(Duration.ofSeconds(20)));
    assertEquals("da 1 minuto", Bars.age(Duration.ofMinutes(1)));
    assertEquals("da 1 ora", Bars.age(Duration.ofMinutes(60)));
    assertEquals("da 2 giorni e 1 ora", Bars.age(Duration.ofHours(49)));
  }
}
