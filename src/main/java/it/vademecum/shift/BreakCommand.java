package it.vademecum.shift;

import it.vademecum.engine.Action;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.ReplyingCommand;
import it.vademecum.engine.Input;
import it.vademecum.engine.Typed;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * «pausa inizio» starts the agent's 626 break and a reminder when it is over (its length from
 * config/shift.json); «pausa fine» or «annulla pausa» cancels it. «pausa» alone is the topic's
 * rule, answered by the tree.
 */
public final class BreakCommand implements ReplyingCommand {

  static final Set<String> START = Set.of("pausa inizio", "inizio pausa", "inizia pausa", "pausa inizia",
      "avvia pausa", "pausa avvia", "pausa start", "inizio la pausa");
  static final Set<String> END = Set.of("pausa fine", "fine pausa", "annulla pausa", "pausa annulla", "stop pausa",
      "pausa stop", "finita la pausa", "pausa finita");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final BreakReminders reminders;
  private final Supplier<ShiftRules> rules;
  private final Clock clock;
  private final ZoneId zone;

  public BreakCommand(BreakReminders reminders, Supplier<ShiftRules> rules, Clock clock, ZoneId zone) {
    this.reminders = reminders;
    this.rules = rules;
    this.clock = clock;
    this.zone = zone;
  }

  /** What the agent reads when the reminders cannot be read or written now. */
  static final String UNAVAILABLE = "⚠️ Non riesco a registrare la pausa adesso: l'archivio dei promemoria non"
      + " risponde. Riprova fra poco; intanto tieni d'occhio l'orologio (la pausa 626 dura %d minuti).";

  @Override
  public Optional<Reply> reply(Agent agent, Input input, Session session) {
    Optional<String> typed = Typed.command(input);
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (START.contains(typed.get())) {
        return Optional.of(start(agent));
      }
      if (END.contains(typed.get())) {
        return Optional.of(end(agent));
      }
    } catch (IllegalStateException e) { // the database of the reminders does not answer for now
      return Optional.of(Reply.info(List.of(), UNAVAILABLE.formatted(rules.get().breakMinutes()), List.of(),
          List.of()));
    }
    return Optional.empty();
  }

  private Reply start(Agent agent) {
    BreakReminders.Started s = reminders.start(agent.key(), rules.get().breakMinutes());
    String at = HH_MM.format(s.pending().due().atZone(zone));
    List<Option> cancel = List.of(new Option("Annulla la pausa", new Action.Command("pausa fine")));
    if (!s.isNew()) {
      long left = Math.max(1, (Duration.between(clock.instant(), s.pending().due()).getSeconds() + 59) / 60);
      return Reply.info(List.of(), "Hai già una pausa in corso: finisce alle " + at + " (" + (left == 1 ? "manca 1 minuto"
          : "mancano " + left + " minuti") + ").", List.of("Se sei rientrato prima, scrivi «pausa fine»."), cancel);
    }
    return Reply.info(List.of(), "Buona pausa! Alle " + at + " ti scrivo che i " + s.pending().minutes()
        + " minuti della pausa 626 sono finiti.", List.of("Se rientri prima, scrivi «pausa fine»."), cancel);
  }

  private Reply end(Agent agent) {
    if (reminders.cancel(agent.key())) {
      return Reply.info(List.of(), "Bentornato! Ho annullato il promemoria della pausa.", List.of(), List.of());
    }
    return Reply.info(List.of(), "Non hai una pausa in corso: non c'è niente da annullare.",
        List.of("Per iniziarne una scrivi «pausa inizio»."), List.of());
  }
}
