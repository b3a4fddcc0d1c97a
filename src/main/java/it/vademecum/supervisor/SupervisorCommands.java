package it.vademecum.supervisor;

import it.vademecum.engine.Action;
import it.vademecum.assistant.Agent;
import it.vademecum.assistant.ReplyingCommand;
import it.vademecum.assistant.Notifier;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Problem;
import it.vademecum.dialog.Review;
import it.vademecum.dialog.Topic;
import it.vademecum.engine.Input;
import it.vademecum.engine.Typed;
import it.vademecum.engine.Option;
import it.vademecum.engine.Reply;
import it.vademecum.session.Session;
import it.vademecum.escalation.OpenEscalation;
import it.vademecum.escalation.OpenEscalations;
import it.vademecum.escalation.State;
import it.vademecum.usage.Since;
import it.vademecum.usage.UsageLog;
import it.vademecum.usage.UsageStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisors' commands: {@code statistiche [periodo]}, {@code senza risposta [periodo]},
 * {@code escalation aperte}, {@code verifica}, {@code ricarica}. Anyone else gets {@link Roles#RESERVED} and nothing
 * happens. Supervisors who used a command since the start are told when the watcher reloads
 * dialogs/ by itself, and especially when an edit is broken.
 */
final class SupervisorCommands implements ReplyingCommand {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final int TOP_TOPICS = 10;
  private static final int UNMATCHED = 20;
  /** Resend buttons on "escalation aperte" at most (the rest by typing "escalation reinvia N"). */
  private static final int MAX_RESEND_BUTTONS = 10;
  private final Roles roles;
  private final DialogsReloader dialogs;
  private final UsageLog usage;
  private final Optional<OpenEscalations> escalations;
  private final Clock clock;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  public SupervisorCommands(Roles roles, DialogsReloader dialogs, UsageLog usage,
      Optional<OpenEscalations> escalations, Notifier notifier, Clock clock) {
    this.roles = roles;
    this.dialogs = dialogs;
    this.usage = usage;
    this.escalations = escalations;
    this.clock = clock;
    dialogs.onAutomaticReload(r -> {
      String text = String.join("\n", reloadText(r, true));
      seen.forEach(key -> notifier.tell(key, text));
    });
  }

  @Override
  public Optional<Reply> reply(Agent agent, Input input, Session session) {
    Optional<String> typed = Typed.command(input);
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    String t = typed.get();
    String rest;
    Kind kind;
    if (t.equals("statistiche") || t.startsWith("statistiche ")) {
      kind = Kind.STATS;
      rest = t.substring("statistiche".length()).strip();
    } else if (t.equals("senza risposta") || t.startsWith("senza risposta ")) {
      kind = Kind.UNMATCHED;
      rest = t.substring("senza risposta".length()).strip();
    } else if (t.equals("escalation aperte") || t.equals("escalations aperte")) {
      kind = Kind.OPEN;
      rest = "";
    } else if (t.startsWith("escalation reinvia ")) {
      kind = Kind.RESEND;
      rest = t.substring("escalation reinvia ".length()).strip();
    } else if (t.equals("verifica") || t.equals("verifica argomenti") || t.equals("da rivedere")) {
      kind = Kind.REVIEW;
      rest = "";
    } else if (t.equals("ricarica") || t.equals("ricarica dialoghi")) {
      kind = Kind.RELOAD;
      rest = "";
    } else {
      return Optional.empty();
    }
    if (!roles.isSupervisor(agent)) {
      return Optional.of(Roles.refusal());
    }
    seen.add(agent.key());
    try {
      return Optional.of(switch (kind) {
        case STATS -> statistics(period(rest));
        case UNMATCHED -> unmatched(period(rest));
        case OPEN -> open();
        case RESEND -> resend(rest);
        case RELOAD -> reload();
        case REVIEW -> review();
      });
    } catch (IllegalArgumentException e) {
      return Optional.of(Reply.info(List.of(), e.getMessage(), List.of(), List.of()));
    } catch (UsageStoreException e) {
      return Optional.of(Reply.info(List.of(), "Le statistiche non sono disponibili in questo momento: "
          + "l'archivio non risponde. Riprova tra poco.", List.of(), List.of()));
    }
  }

  private enum Kind { STATS, UNMATCHED, OPEN, RESEND, RELOAD, REVIEW }

  private record Period(String words, Instant since, String label) {}

  private Period period(String words) {
    String w = words.isEmpty() ? "oggi" : words;
    ZoneId zone = zone();
    Instant since = Since.parse(w, clock, zone);
    String label = switch (w) {
      case "oggi" -> "oggi";
      case "ieri" -> "da ieri";
      case "settimana" -> "ultimi 7 giorni";
      case "mese" -> "ultimi 30 giorni";
      default -> "dal " + DATE.format(since.atZone(zone));
    };
    return new Period(w, since, label);
  }

  private ZoneId zone() {
    return dialogs.get().catalog().calendar().zone();
  }

  // ---- statistiche ------------------------------------------------------------------------------

  private Reply statistics(Period p) {
    Catalog catalog = dialogs.get().catalog();
    List<String> lines = new ArrayList<>();
    List<UsageLog.TopicCount> topics = usage.topicsStarted(p.since(), TOP_TOPICS);
    lines.add("Argomenti più chiesti:");
    if (topics.isEmpty()) {
      lines.add("nessuno nel periodo.");
    }
    long max = topics.stream().mapToLong(UsageLog.TopicCount::count).max().orElse(0);
    topics.forEach(tc -> lines.add(Bars.line(tc.count(), max, title(catalog, tc.topicId()))));

    UsageLog.SearchOutcomes s = usage.searchOutcomes(p.since());
    lines.add("Ricerche: " + s.searches() + " · senza argomento: " + s.noTopic() + " ("
        + Bars.percent(s.noTopicShare()) + ") · con scelta tra più argomenti: " + s.ambiguous() + " ("
        + Bars.percent(s.ambiguousShare()) + ")");

    lines.addAll(escalationLines(p.since()));

    List<UsageLog.FeedbackCount> feedback = usage.feedback(p.since());
    long up = feedback.stream().mapToLong(UsageLog.FeedbackCount::up).sum();
    long down = feedback.stream().mapToLong(UsageLog.FeedbackCount::down).sum();
    lines.add("Valutazioni delle risposte: 👍 " + up + " · 👎 " + down);
    feedback.stream().filter(f -> f.down() > 0).limit(5).forEach(f -> lines.add("👎 " + f.down() + " 👍 " + f.up()
        + "  " + title(catalog, f.topicId()) + " → " + f.nodeId()));
    List<UsageLog.FeedbackReason> reasons = usage.feedbackReasons(p.since(), 3);
    if (!reasons.isEmpty()) {
      lines.add("Ultimi motivi dei 👎:");
      reasons.forEach(r -> lines.add("«" + r.reason() + "» (" + title(catalog, r.topicId()) + ")"));
    }

    List<UsageLog.HourCount> hours = usage.busiestHours(p.since()).stream().filter(h -> h.count() > 0).toList();
    lines.add("Ore più attive (ricerche per ora):");
    if (hours.isEmpty()) {
      lines.add("nessuna ricerca nel periodo.");
    }
    long maxHour = hours.stream().mapToLong(UsageLog.HourCount::count).max().orElse(0);
    hours.forEach(h -> lines.add(String.format("%02d:00 ", h.hour()) + Bars.bar(h.count(), maxHour) + " "
        + h.count()));
    List<Option> options = List.of(
        new Option(p.words().equals("settimana") ? "Oggi" : "Settimana",
            new Action.Command("statistiche " + (p.words().equals("settimana") ? "oggi" : "settimana"))),
        new Option("Senza risposta", new Action.Command("senza risposta " + p.words())),
        new Option("Escalation aperte", new Action.Command("escalation aperte")));
    return Reply.info(notices(), "📊 Statistiche — " + p.label(), lines, options);
  }

  private List<String> escalationLines(Instant since) {
    if (escalations.isEmpty()) {
      return List.of("Escalation: non registrate qui (nessun canale dei TL configurato).");
    }
    Map<State, Long> byState = escalations.get().countByState(since);
    long total = byState.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return List.of("Escalation: nessuna nel periodo.");
    }
    List<String> out = new ArrayList<>();
    out.add("Escalation per stato (" + total + " in tutto):");
    long max = byState.values().stream().mapToLong(Long::longValue).max().orElse(0);
    byState.entrySet().stream().sorted(Map.Entry.<State, Long>comparingByValue().reversed())
        .forEach(e -> out.add(Bars.line(e.getValue(), max, e.getKey().label())));
    return out;
  }

  // ---- senza risposta ---------------------------------------------------------------------------

  private Reply unmatched(Period p) {
    Catalog catalog = dialogs.get().catalog();
    List<UsageLog.UnmatchedSentence> sentences = usage.unmatched(p.since(), UNMATCHED);
    List<String> lines = new ArrayList<>();
    if (sentences.isEmpty()) {
      lines.add("Nessuna frase senza risposta nel periodo.");
    }
    for (UsageLog.UnmatchedSentence s : sentences) {
      String what = s.ambiguous() == 0 ? "nessun argomento"
          : s.noTopic() == 0 ? "scelta tra più argomenti"
          : "nessun argomento " + s.noTopic() + ", scelta " + s.ambiguous();
      lines.add(s.count() + "× «" + s.text() + "» — " + what);
    }
    List<UsageLog.PickCount> picks = usage.picks(p.since(), 10);
    if (!picks.isEmpty()) {
      lines.add("Cosa hanno scelto gli agenti (frasi da aggiungere ai trigger):");
      picks.forEach(pc -> lines.add(pc.count() + "× «" + pc.text() + "» → " + title(catalog, pc.topicId())));
    }
    return Reply.info(notices(), "Frasi senza risposta — " + p.label() + ", le più frequenti prima", lines,
        List.of(new Option("Statistiche", new Action.Command("statistiche " + p.words()))));
  }

  // ---- escalation aperte ------------------------------------------------------------------------

  private Reply open() {
    if (escalations.isEmpty()) {
      return Reply.info(notices(), "Le escalation non sono registrate qui: nessun canale dei TL è configurato.",
          List.of(), List.of());
    }
    List<OpenEscalation> open = escalations.get().open();
    if (open.isEmpty()) {
      return Reply.info(notices(), "Nessuna escalation in attesa: i TL le hanno prese tutte in carico.",
          List.of(), List.of());
    }
    Catalog catalog = dialogs.get().catalog();
    Instant now = clock.instant();
    List<String> lines = new ArrayList<>();
    open.stream().sorted(java.util.Comparator.comparing(OpenEscalation::createdAt)).forEach(e ->
        lines.add("#" + e.id() + " · " + Bars.age(Duration.between(e.createdAt(), now)) + " · " + e.agent()
            + " · " + title(catalog, e.topicTitle()) + " · ticket " + e.ticket() + " · " + e.state().label()
            + why(e).map(w -> " — " + w).orElse("")));
    String prompt = open.size() == 1 ? "1 escalation non ancora presa in carico:"
        : open.size() + " escalation non ancora prese in carico, dalla più vecchia:";
    List<Option> resend = open.stream()
        .filter(e -> e.state() == State.UNCERTAIN)
        .limit(MAX_RESEND_BUTTONS)
        .map(e -> new Option("Reinvia n. " + e.id(), new Action.Command("escalation reinvia " + e.id()))).toList();
    if (!resend.isEmpty()) {
      lines.add("Prima di reinviare controlla nel canale dei TL che la card non ci sia già.");
    }
    return Reply.info(notices(), prompt, lines, resend);
  }

  /** What a supervisor should know about an open escalation: how to resend it, or why it is stuck. */
  private static Optional<String> why(OpenEscalation e) {
    if (e.state() == State.UNCERTAIN) {
      return Optional.of("invio da verificare: se la card non è nel canale dei TL, «escalation reinvia " + e.id() + "»");
    }
    return e.problem() == null ? Optional.empty() : Optional.of("⚠ " + e.problem());
  }

  private Reply resend(String id) {
    if (escalations.isEmpty()) {
      return Reply.info(notices(), "Le escalation non sono registrate qui: nessun canale dei TL è configurato.",
          List.of(), List.of());
    }
    if (resendable(id).map(n -> escalations.get().resend(n)).orElse(false)) {
      return Reply.info(notices(), "Escalation n. " + id + " rimessa in coda: la nuova card dirà che è un reinvio.",
          List.of(), List.of());
    }
    return Reply.info(notices(), "Non posso reinviare «" + id + "»: si reinviano solo le escalation con invio da "
        + "verificare (vedi «escalation aperte»).", List.of(), List.of());
  }

  private static Optional<Long> resendable(String id) {
    try {
      return Optional.of(Long.parseLong(id.strip().replaceFirst("^#", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  // ---- verifica ---------------------------------------------------------------------------------

  /** Topics past their review date, oldest first: who owns each and since when it is due. */
  private Reply review() {
    Catalog catalog = dialogs.get().catalog();
    List<Review.Overdue> overdue = Review.overdue(catalog, LocalDate.now(clock.withZone(zone())));
    if (overdue.isEmpty()) {
      return Reply.info(List.of(), "Nessun argomento da rivedere: tutti verificati sulle note entro il periodo "
          + "di revisione.", List.of(), List.of());
    }
    List<String> lines = overdue.stream().map(o -> o.topic().title() + " (" + o.line() + ")").toList();
    return Reply.info(List.of(), "Argomenti da rivedere sulle note, dal più vecchio: " + overdue.size(), lines,
        List.of());
  }

  // ---- ricarica ---------------------------------------------------------------------------------

  private Reply reload() {
    DialogsReloader.Result r = dialogs.reload();
    List<String> text = reloadText(r, false);
    return Reply.info(List.of(), text.get(0), text.subList(1, text.size()), List.of());
  }

  /** The outcome of a reload as lines, the first one the headline. */
  static List<String> reloadText(DialogsReloader.Result r, boolean automatic) {
    List<String> out = new ArrayList<>();
    String version = r.current().version();
    if (!r.ok()) {
      out.add((automatic ? "❌ Ho visto una modifica ai dialoghi, ma non è valida" : "❌ Non ho ricaricato i dialoghi")
          + ": " + (r.problems().size() == 1 ? "c'è 1 errore" : "ci sono " + r.problems().size() + " errori")
          + ". Resta in uso per tutti la versione " + version + ".");
      r.problems().forEach(p -> out.add(p.toString()));
      out.add("Correggi il file: lo ricarico da solo quando lo salvi, oppure scrivi «ricarica».");
      return out;
    }
    out.add((automatic ? "✅ Dialoghi ricaricati da soli dopo una modifica" : "✅ Dialoghi ricaricati") + ": "
        + r.current().engine().catalog().list().size() + " argomenti, versione " + version
        + (r.previous().version().equals(version) ? " (invariata)." : " (prima " + r.previous().version() + ")."));
    Map<String, List<String>> changes = DialogsReloader.changes(r.previous(), r.current());
    if (!changes.get("added").isEmpty()) {
      out.add("Argomenti nuovi: " + String.join(", ", changes.get("added")));
    }
    if (!changes.get("changed").isEmpty()) {
      out.add("Argomenti modificati: " + String.join(", ", changes.get("changed")));
    }
    if (!changes.get("removed").isEmpty()) {
      out.add("Argomenti tolti: " + String.join(", ", changes.get("removed")));
    }
    if (!changes.get("changed").isEmpty() || !changes.get("removed").isEmpty()) {
      out.add("Chi era a metà di una domanda che non esiste più riparte da capo con un avviso.");
    }
    return out;
  }

  /** A reminder on every supervisor's reply while the last edit of dialogs/ is broken. */
  private List<String> notices() {
    List<Problem> problems = dialogs.lastProblems();
    if (problems.isEmpty()) {
      return List.of();
    }
    return List.of("⚠️ L'ultima modifica ai dialoghi non è valida (" + problems.size()
        + (problems.size() == 1 ? " errore" : " errori") + "): resta in uso la versione "
        + dialogs.current().version() + ". Scrivi «ricarica» per i dettagli.");
  }

  private static String title(Catalog catalog, String topicId) {
    return catalog.topic(topicId).map(Topic::title).orElse(topicId == null ? "—" : topicId);
  }
}
