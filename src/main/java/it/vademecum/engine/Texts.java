package it.vademecum.engine;

import it.vademecum.dialog.Catalog;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the engine says to agents, in Italian, and how it reads their short answers. */
final class Texts {

  // Compiled once rather than by String.replaceAll and split on every call.
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern BLANKS = Pattern.compile(" +");

  static final String WELCOME = "Sono Vademecum, il tuo aiuto per i casi PEC. Scrivimi la domanda come la "
      + "scriveresti a un collega: ti faccio solo le domande che decidono il caso e ti do il passo, la coda "
      + "e le frasi pronte da incollare.";
  static final String HELP = "Ecco cosa posso fare per te.";
  static final String TOPICS = "Gli argomenti che conosco, per gruppo:";
  static final String RESTARTED = "Ricominciamo da capo. Scrivimi la domanda, oppure scegli un gruppo:";
  static final String NOT_FOUND = "Non ho trovato un argomento per questa domanda.";
  static final String WHICH_TOPIC = "Non sono sicuro dell'argomento: quale di questi?";
  static final String NOTHING_PENDING = "Nessuna domanda in corso: scrivimi pure la prossima.";
  static final String PICK_TOPIC = "Quale argomento?";
  static final String NONE_OF_THESE = "Nessuno di questi";
  static final String NONE_FITS = "Nessuno di quelli: ecco tutti gli argomenti per gruppo. Puoi anche riscrivere la "
      + "domanda con altre parole.";
  static final String NOTHING_TO_SKIP = "Non c'è nulla da saltare: scrivimi pure la prossima domanda.";
  static final String SKIPPED_VALUE = "Saltato: nella frase resta uno spazio tra parentesi quadre da completare a mano.";
  static final String NOTHING_BEFORE = "Non ci sono domande precedenti a cui tornare.";
  static final String ALREADY_ANSWERED = "Hai già risposto a questa domanda con questa scelta: ecco il punto in cui sei.";
  static final String STALE_BUTTON = "Quel pulsante appartiene a una domanda già superata: ecco quella in corso.";
  static final String INVALID_BUTTON = "Quel pulsante non è valido: non ho cambiato nulla.";
  static final String NOT_A_CHOICE = "Non ho capito la risposta: scegli uno dei pulsanti o scrivi il numero "
      + "dell'opzione.";
  /** A date in the future in a message that starts a topic: it counted for nothing. */
  static String futureDateNotUsed(String date) {
    return "La data «" + date + "» è nel futuro: non l'ho usata per contare il tempo trascorso.";
  }

  /** A date in the future typed as the answer to "when?". */
  static String futureDateAnswer(String date) {
    return "La data «" + date + "» è nel futuro: scrivi quando è successo (per esempio «15/11» o «3 giorni fa») "
        + "oppure scegli un pulsante.";
  }

  static final String TL_CASES = "Secondo le note si scala al TL in questi casi (apri l'argomento: le domande "
      + "decidono il caso):";
  static final String EMPTY_MESSAGE = "Il messaggio è vuoto: scrivimi la domanda.";
  static final String SESSION_EXPIRED = "La sessione precedente è scaduta per inattività: ricominciamo da capo.";
  static final String TOPIC_CHANGED = "L'argomento in corso è stato aggiornato nel frattempo: ricominciamo da capo.";
  static final String STILL_PENDING = "La domanda in corso resta valida: rispondi quando vuoi.";
  static final String ASK_ADDRESS = "Qual è l'indirizzo PEC del cliente? Mi serve per completare la frase "
      + "(es. mario.rossi@pec.it).";
  /** How to get out of a prompt for a typed value, shown under it. */
  static final String PROMPT_WAYS_OUT = "Scrivi «salta» per andare avanti senza; una domanda nuova avvia una nuova "
      + "ricerca.";
  /** The same under the ticket prompt, where there is no going on without: the TL needs the ticket. */
  static final String TICKET_WAYS_OUT = "Senza ticket la segnalazione non parte: «salta» la annulla; una domanda "
      + "nuova avvia una nuova ricerca.";
  static final String ASK_NAME = "Come ti chiami? Il tuo nome va nelle frasi per il cliente.";
  static final String COMPLETE_ADDRESS = "Nella frase manca l'indirizzo PEC del cliente: scrivimelo "
      + "(es. mario.rossi@pec.it) e la completo, oppure compila tu lo spazio tra parentesi quadre.";
  static final String COMPLETE_NAME = "Nella frase manca il tuo nome: scrivimelo e la completo, "
      + "oppure compila tu lo spazio tra parentesi quadre.";
  static final String BAD_ADDRESS = "Non sembra un indirizzo e-mail valido: scrivilo per intero, "
      + "es. mario.rossi@pec.it.";
  static final String BAD_NAME = "Non sembra un nome valido: scrivi solo il nome, es. «nome Mario».";
  static final String ASK_TICKET = "Questo caso va al TL. Scrivimi il numero del ticket e preparo la segnalazione.";
  static final String ASK_NOTE = "Vuoi aggiungere una nota per il TL? Scrivila in una riga, oppure premi «Nessuna nota».";
  static final String CONFIRM_ESCALATION = "Ecco la segnalazione per il TL: la invio?";
  static final String BAD_TICKET = "Non sembra un numero di ticket valido: scrivi solo il numero, es. 1234567.";
  static final String ESCALATION_CANCELLED = "Segnalazione annullata: non ho inviato nulla al TL.";
  static final String ESCALATION_CONFIRMED = "Segnalazione pronta per il TL.";
  static final String NO_ESCALATION = "Non c'è nessuna segnalazione in preparazione.";
  static final String SECOND_LEVEL_OPEN = "Ora il secondo livello è aperto (lun–ven 8:30–12:45 e 14:30–17:30).";
  static final String SECOND_LEVEL_CLOSED = "Ora il secondo livello è chiuso (orari: lun–ven 8:30–12:45 e "
      + "14:30–17:30, festivi esclusi).";

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
  /** One or two words of letters (apostrophes and hyphens allowed): "Mario", "Anna Maria", "D'Amico". */
  private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}'-]{0,24}( \\p{L}[\\p{L}'-]{0,24})?");
  private static final int MAX_TEXT = 2_000;

  private Texts() {}

  static List<String> helpLines() {
    return List.of(
        "Scrivi il caso a parole tue, es. «bonifico di 600 euro non registrato» o «il cliente non ricorda "
            + "la password della webmail».",
        "Rispondi con i pulsanti, oppure scrivendo l'opzione o il suo numero.",
        "«indietro»: torna alla domanda precedente. «ricomincia»: riparti da capo.",
        "«argomenti»: l'elenco di tutto ciò che conosco. «nome Mario»: il nome da usare nelle frasi.",
        "«casi TL»: quando le note dicono di scalare il caso al TL.",
        "«salta»: a una richiesta di indirizzo o nome va avanti senza; alla richiesta del ticket annulla la "
            + "segnalazione al TL.",
        "«aiuto»: questo messaggio.");
  }

  static List<String> notFoundLines() {
    return List.of("Prova con le parole chiave del caso (es. «recupero password webmail», «fattura non arrivata», "
        + "«ticket in carico ad aruba»), oppure apri un gruppo e scegli l'argomento («argomenti» mostra sempre "
        + "l'elenco). Conosco i casi PEC dei clienti e le regole di fine turno e pause, non le altre "
        + "questioni d'ufficio (PC, badge, riunioni).");
  }

  /** Every topic, as a button, under its group's name; groups in their fixed order. */
  static List<Reply.Section> sections(Catalog catalog) {
    List<Reply.Section> out = new ArrayList<>();
    for (Map.Entry<String, String> g : Groups.names().entrySet()) {
      List<Option> topics = catalog.list().stream().filter(t -> t.group().equals(g.getKey()))
          .map(t -> new Option(t.title(), new Action.StartTopic(t.id()))).toList();
      if (!topics.isEmpty()) {
        out.add(new Reply.Section(g.getValue(), topics));
      }
    }
    return out;
  }

  /** Caps the length, then drops control and format characters (NUL, bidi marks). */
  static String clean(String raw) {
    return CONTROL.matcher(raw.length() > MAX_TEXT ? raw.substring(0, MAX_TEXT) : raw).replaceAll(" ");
  }

  /** Lower case without accents and with single spaces, for comparing short answers. */
  static String fold(String s) {
    String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return SPACES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** "si", "sì", "ok", "certo" → "si"; "no", "nope" → "no"; anything else unchanged. */
  static String yesNo(String folded) {
    return switch (folded) {
      case "si", "s", "yes", "y", "ok", "certo", "esatto", "vero", "affermativo" -> "si";
      case "no", "n", "nope", "negativo", "falso" -> "no";
      default -> folded;
    };
  }

  /** A plausible given name, capitalised ("mario" → "Mario"). */
  static Optional<String> personName(String raw) {
    String t = raw.strip();
    if (!NAME.matcher(t).matches()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder();
    for (String w : BLANKS.split(t)) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(w.substring(0, 1).toUpperCase(Locale.ITALIAN)).append(w.substring(1));
    }
    return Optional.of(b.toString());
  }
}
