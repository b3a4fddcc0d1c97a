package it.vademecum.escalation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What agents, team leads and supervisors read about escalations (Italian). */
public final class EscalationTexts {

  public static final ZoneId ROME = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ROME);
  private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ROME);

  public static final String NO_CHANNEL = "TEAMLEAD_CHANNEL_ID non impostato: nessun canale dei TL configurato";
  public static final String NO_ROUTE = "il bot non ha ancora ricevuto attività dal team dei TL: va installato nel team";
  public static final String NOT_STORED =
      "Non sono riuscito a registrare l'escalation: contatta il TL a mano con questo riepilogo.";

  /** A confirmed escalation kept while the database is away. */
  public static final String WAITING_FOR_DATABASE = "⚠️ Il database delle escalation non risponde: l'escalation"
      + " è in coda, la invio appena il database torna disponibile e ti scrivo quando è nel canale dei TL."
      + " Se è urgente, contatta il TL a mano con questo riepilogo.";

  private EscalationTexts() {}

  public static String hour(Instant t) {
    return HOUR.format(t);
  }

  public static String dayHour(Instant t) {
    return DAY_HOUR.format(t);
  }

  static String queued(long id, String ticket) {
    return "Escalation n. " + id + " in coda per il TL (ticket " + ticket + "): ti scrivo qui quando è nel canale "
        + "dei TL e quando un TL la prende in carico.";
  }

  static String byHandNow() {
    return "Per ora il canale dei TL non è raggiungibile, quindi contatta il TL a mano con questo riepilogo. "
        + "L'escalation resta in coda e partirà appena il problema sarà risolto.";
  }

  static String posted(long id, String ticket) {
    return "La tua escalation n. " + id + " (ticket " + ticket + ") è nel canale dei TL: ti avviso quando un TL "
        + "la prende in carico.";
  }

  static String taken(long id, String ticket, String by, Instant at) {
    return "La tua escalation n. " + id + " (ticket " + ticket + ") è stata presa in carico da " + by + " alle "
        + hour(at) + ".";
  }

  static String uncertain(long id, String ticket) {
    return "La tua escalation n. " + id + " (ticket " + ticket + ") è in verifica: non so se è arrivata nel canale "
        + "dei TL. Un supervisore controlla e, se non c'è, la reinvia; se il caso è urgente contatta il TL a mano.";
  }

  static String blocked(long id, String ticket) {
    return "Non riesco a pubblicare la tua escalation n. " + id + " (ticket " + ticket + ") nel canale dei TL: per "
        + "ora contatta il TL a mano. Resta in coda e partirà appena il problema sarà risolto.";
  }

  /** The state as the agent reads it in "le mie escalation". */
  public static String stateForAgent(Escalation e) {
    return switch (e.state()) {
      case TAKEN -> "presa in carico da " + e.takenBy() + " alle " + hour(e.takenAt());
      case POSTED -> "inviata";
      case UNCERTAIN -> "in verifica (un supervisore controlla se è arrivata nel canale dei TL)";
      default -> e.problem() != null ? "in coda (canale dei TL non raggiungibile: contatta il TL a mano)" : "in coda";
    };
  }
}
