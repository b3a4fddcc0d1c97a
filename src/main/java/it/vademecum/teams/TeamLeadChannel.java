package it.vademecum.teams;

import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.engine.Typed;
import java.util.List;
import java.util.Set;

/**
 * What the bot says in the team leads' team (see {@link EscalationDesk#fromLeadsTeam}), where team
 * leads read escalations: its own welcome and help (what a team lead does there), never the agents'
 * dialog. Agents ask in their personal chat.
 */
final class TeamLeadChannel {

  static final String WELCOME = "Ciao! Sono Vademecum. In questo canale pubblico le escalation degli operatori che "
      + "hanno bisogno di un TL: una scheda per caso, con operatore, ticket, argomento, motivo e risposte date.";
  static final String HELP = "Cosa fa un TL in questo canale:";
  static final String NOT_HERE = "Qui nel canale dei TL rispondo solo ad «aiuto»: le domande sui casi PEC "
      + "scrivimele in chat privata.";
  static final List<String> LINES = List.of(
      "Premi «" + EscalationCard.TAKE + "» sulla scheda: la scheda mostra a tutti chi l'ha presa e a che ora, e "
          + "l'operatore riceve subito un avviso in chat.",
      "Poi apri il ticket indicato sulla scheda e risolvi il caso secondo il motivo e le risposte date.",
      "Se un altro TL l'ha già presa, lo vedi sulla scheda: non devi fare nulla.",
      "Una scheda con «Reinvio» è un secondo invio di un'escalation con esito incerto: se ne vedi due con lo stesso "
          + "numero, prendine in carico una sola.",
      "Le note degli operatori arrivano con i dati personali oscurati: i dettagli sono nel ticket.",
      "«aiuto»: questo messaggio.");
  private static final Set<String> HELP_WORDS = Set.of("aiuto", "help", "comandi", "?");

  private TeamLeadChannel() {}

  static Reply welcome() {
    return Reply.info(List.of(), WELCOME, LINES, List.of());
  }

  /** The answer to anything a team lead writes or presses in the channel, other than taking an escalation. */
  static Reply answer(Input input) {
    boolean asked = input instanceof Input.Text t && HELP_WORDS.contains(Typed.fold(t.text()));
    return Reply.info(asked ? List.of() : List.of(NOT_HERE), HELP, LINES, List.of());
  }
}
