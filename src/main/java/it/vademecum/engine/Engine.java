package it.vademecum.engine;

import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Check;
import it.vademecum.dialog.Choice;
import it.vademecum.dialog.Condition;
import it.vademecum.dialog.Condition.Facts;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import it.vademecum.hours.SaidTime;
import it.vademecum.match.ItalianAnalysis;
import it.vademecum.match.Ranking;
import it.vademecum.match.Scored;
import it.vademecum.match.TopicMatcher;
import it.vademecum.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dialog engine: (session, input) → (new session, reply). Pure: no I/O, no clock of its own,
 * immutable and thread-safe; a reload of dialogs/ builds a new engine.
 */
public final class Engine {

  private static final int MAX_AUTO_STEPS = 64;
  /** The command of "Nessuno di questi" on a topic menu. */
  static final String NONE_OF_THESE = "nessuno";

  private final Catalog catalog;
  private final TopicMatcher matcher;
  private final ItalianAnalysis analysis;
  private final ChoiceRecognizer choices;
  private final EscalationDialogue escalation;

  public Engine(Catalog catalog, TopicMatcher matcher, ItalianAnalysis analysis) {
    this.catalog = catalog;
    this.matcher = matcher;
    this.analysis = analysis;
    this.choices = new ChoiceRecognizer(catalog.calendar(), new KeywordSpotter(analysis));
    this.escalation = new EscalationDialogue(catalog, new EscalationDialogue.Around() {
      @Override
      public Turn current(Session s, TurnContext ctx, List<String> notices) {
        return Engine.this.current(s, ctx, notices);
      }

      @Override
      public Optional<Turn> newQuestion(Session s, String text, TurnContext ctx, List<String> notices) {
        List<String> terms = analysis.terms(text);
        Ranking r = matcher.rank(text);
        return Engine.newQuestion(r, terms) ? Optional.of(search(s, text, terms, r, ctx, notices)) : Optional.empty();
      }
    });
  }

  public Catalog catalog() {
    return catalog;
  }

  public TopicMatcher matcher() {
    return matcher;
  }

  /** One turn. Never throws on any input: a wrong input gets an Italian explanation. */
  public Turn handle(Session session, Input input, TurnContext ctx) {
    Session s = session;
    List<String> notices = new ArrayList<>();
    if (ctx.sessionExpired()) {
      notices.add(Texts.SESSION_EXPIRED);
    }
    if (s.inTopic() && catalog.topic(s.topicId()).map(t -> t.node(session.nodeId()) == null).orElse(true)) {
      notices.add(Texts.TOPIC_CHANGED);
      s = s.cleared();
    }
    if (input instanceof Input.Button b) {
      return button(s, b, ctx, notices);
    }
    return text(s, ((Input.Text) input).text(), ctx, notices);
  }

  /** The first message to a new agent: what the bot is and what to type. */
  public Reply welcome(String agentName) {
    String hello = agentName == null || agentName.isBlank() ? "Ciao!" : "Ciao " + agentName + "!";
    return info(List.of(), hello + " " + Texts.WELCOME, Texts.helpLines());
  }

  // ---- inputs ---------------------------------------------------------------------------------

  private Turn button(Session s, Input.Button input, TurnContext ctx, List<String> notices) {
    Action action = input.action();
    if (action instanceof Action.Choose c) {
      return clickedChoice(s, c.topicId(), c.nodeId(), c.index(), ctx, notices);
    }
    if (action instanceof Action.StartTopic t) {
      Optional<Topic> topic = catalog.topic(t.topicId());
      if (topic.isPresent()) {
        Turn turn = start(s.cleared(), topic.get(), s.facts(), s.preanswers(), ctx, notices, Optional.empty());
        return settled(turn, Texts.PICK_TOPIC, topic.get().title());
      }
    }
    if (action instanceof Action.Escalate e) {
      return e.step() == Action.Escalate.Step.FORM ? escalation.form(s, input, ctx, notices)
          : escalation.step(s, e.step(), ctx, notices);
    }
    if (action instanceof Action.Command k) {
      if (k.words().equals(NONE_OF_THESE)) {
        return settled(noneOfThese(s, notices), Texts.PICK_TOPIC, Texts.NONE_OF_THESE);
      }
      Optional<Turn> command = command(s, k.words(), ctx, notices);
      if (command.isPresent()) {
        return command.get();
      }
    }
    notices.add(Texts.INVALID_BUTTON);
    return current(s, ctx, notices);
  }

  private Turn clickedChoice(Session s, String topicId, String nodeId, int i, TurnContext ctx,
      List<String> notices) {
    Optional<Topic> topic = catalog.topic(topicId);
    Node node = topic.map(t -> t.node(nodeId)).orElse(null);
    if (!(node instanceof Question q) || i < 0 || i >= q.choices().size()) {
      notices.add(Texts.INVALID_BUTTON);
      return current(s, ctx, notices);
    }
    if (!s.waitingForChoice() || !topicId.equals(s.topicId()) || !nodeId.equals(s.nodeId())) {
      boolean same = topicId.equals(s.topicId()) && s.path().contains(new Session.Passage(nodeId, i));
      notices.add(same ? Texts.ALREADY_ANSWERED : Texts.STALE_BUTTON);
      return settled(current(s, ctx, notices), q.ask(), null);
    }
    return settled(choose(s, topic.get(), q, i, ctx, notices), q.ask(), q.choices().get(i).label());
  }

  private static Turn settled(Turn t, String question, String answer) {
    return new Turn(t.session(), t.reply().withSettled(new Reply.Settled(question, answer)));
  }

  /** "Nessuno di questi" on a topic menu: the whole list by group, and the search forgotten. */
  private Turn noneOfThese(Session s, List<String> notices) {
    Reply r = Reply.notFound(notices, Texts.NONE_FITS, List.of(), List.of(), Texts.sections(catalog), Optional.empty());
    return new Turn(s.cleared(), r);
  }

  private Turn text(Session s, String raw, TurnContext ctx, List<String> notices) {
    String text = Texts.clean(raw);
    if (text.isBlank()) {
      notices.add(Texts.EMPTY_MESSAGE);
      return current(s, ctx, notices);
    }
    Optional<Turn> command = commandText(s, text, ctx, notices);
    if (command.isPresent()) {
      return command.get();
    }
    if (s.pending() && EscalationFlow.handles(s.awaiting())) {
      return escalation.text(s, text, ctx, notices);
    }
    if (s.pending() && s.awaiting() != null) {
      return value(s, text, ctx, notices);
    }
    List<String> terms = analysis.terms(text);
    if (s.waitingForChoice()) {
      Topic topic = catalog.topic(s.topicId()).orElseThrow();
      Question q = (Question) topic.node(s.nodeId());
      Ranking ranking = null;
      if (terms.size() > 4) {
        ranking = matcher.rank(text);
        if (ranking.verdict() == Ranking.Verdict.CONFIDENT && !ranking.best().equals(topic.id())) {
          return search(s, text, terms, ranking, ctx, notices);
        }
      }
      Optional<ChoiceRecognizer.TypedAnswer> typed = choices.typed(q, text, terms, ctx);
      if (typed.isPresent()) {
        Choice picked = q.choices().get(typed.get().index());
        notices.addAll(factNotices(picked, typed.get().facts()));
        // A PEC address typed as the answer (to "which domain?") also fills the customer phrases.
        Session answered = FactExtractor.address(text).filter(a -> !s.values().containsKey(Phrases.ADDRESS))
            .map(a -> {
              Map<String, String> values = new HashMap<>(s.values());
              values.put(Phrases.ADDRESS, a);
              return s.withValues(values);
            }).orElse(s);
        return settled(choose(answered, topic, q, typed.get().index(), ctx, notices), q.ask(), picked.label());
      }
      Ranking r = ranking != null ? ranking : matcher.rank(text);
      if (r.verdict() != Ranking.Verdict.NONE && !topic.id().equals(r.best())) {
        return search(s, text, terms, r, ctx, notices);
      }
      Optional<String> future = asksElapsedTime(q) ? SaidTime.futureDate(text, catalog.calendar().zone(), ctx.now())
          : Optional.empty();
      notices.add(future.map(Texts::futureDateAnswer).orElse(Texts.NOT_A_CHOICE));
      return current(s, ctx, notices);
    }
    return search(s, text, terms, matcher.rank(text), ctx, notices);
  }

  /** A value a step needs (the customer's PEC address, the agent's name). */
  private Turn value(Session s, String text, TurnContext ctx, List<String> notices) {
    Topic topic = catalog.topic(s.topicId()).orElseThrow();
    Step step = (Step) topic.node(s.nodeId());
    Optional<String> value = switch (s.awaiting()) {
      case Phrases.ADDRESS -> FactExtractor.address(text);
      case Phrases.NAME -> Texts.personName(text);
      default -> Optional.empty();
    };
    if (value.isEmpty()) {
      List<String> terms = analysis.terms(text);
      Ranking r = matcher.rank(text);
      if (newQuestion(r, terms) && !r.best().equals(topic.id())) {
        return search(s, text, terms, r, ctx, notices);
      }
      notices.add(Phrases.ADDRESS.equals(s.awaiting()) ? Texts.BAD_ADDRESS : Texts.BAD_NAME);
      return current(s, ctx, notices);
    }
    Map<String, String> values = new HashMap<>(s.values());
    values.put(s.awaiting(), value.get());
    String name = Phrases.NAME.equals(s.awaiting()) ? value.get() : s.agentName();
    Session next = s.withAgentName(name).withValues(values).at(s.nodeId(), false, null);
    return walk(next, topic, step.id(), ctx, notices);
  }

  /**
   * Whether what the agent typed at a prompt is a new question rather than a bad answer: a topic
   * found with confidence, or a sentence of three words or more close to some topics.
   */
  private static boolean newQuestion(Ranking r, List<String> terms) {
    return r.verdict() == Ranking.Verdict.CONFIDENT || r.verdict() == Ranking.Verdict.AMBIGUOUS && terms.size() >= 3;
  }

  /** «salta» at a prompt: the value left as a visible gap to fill in, the ticket or the note skipped. */
  private Turn skip(Session s, TurnContext ctx, List<String> notices) {
    if (!s.pending() || s.awaiting() == null) {
      notices.add(Texts.NOTHING_TO_SKIP);
      return current(s, ctx, notices);
    }
    switch (s.awaiting()) {
      case EscalationFlow.TICKET -> {
        return escalation.step(s, Action.Escalate.Step.CANCEL, ctx, notices);
      }
      case EscalationFlow.NOTE -> {
        return escalation.confirm(s, "", ctx, notices);
      }
      case Phrases.ADDRESS, Phrases.NAME -> {
        Topic topic = catalog.topic(s.topicId()).orElseThrow();
        Map<String, String> values = new HashMap<>(s.values());
        values.put(s.awaiting(), Phrases.gap(s.awaiting()));
        notices.add(Texts.SKIPPED_VALUE);
        return walk(s.withValues(values).at(s.nodeId(), false, null), topic, s.nodeId(), ctx, notices);
      }
      default -> {
        notices.add(Texts.NOTHING_TO_SKIP);
        return current(s, ctx, notices);
      }
    }
  }

  // ---- commands -------------------------------------------------------------------------------

  private Optional<Turn> commandText(Session s, String text, TurnContext ctx, List<String> notices) {
    String t = Typed.fold(text);
    if (t.startsWith("nome ") && t.length() > 5) {
      Optional<String> name = Texts.personName(text.strip().substring(5));
      if (name.isEmpty()) {
        notices.add(Texts.BAD_NAME);
        return Optional.of(current(s, ctx, notices));
      }
      Session named = s.withAgentName(name.get());
      notices.add("D'ora in poi nelle frasi userò il nome «" + name.get() + "».");
      return Optional.of(current(named, ctx, notices));
    }
    return command(s, OfficeHoursText.asked(t) ? "orari" : t, ctx, notices);
  }

  private Optional<Turn> command(Session s, String name, TurnContext ctx, List<String> notices) {
    switch (name) {
      case "indietro", "back", "torna indietro" -> {
        return Optional.of(back(s, ctx, notices));
      }
      case "ricomincia", "menu", "annulla", "reset", "da capo", "ricominciamo" -> {
        return Optional.of(new Turn(s.cleared(),
            info(notices, Texts.RESTARTED, List.of()).withSections(Texts.sections(catalog))));
      }
      case "salta", "salta questa", "skip" -> {
        return Optional.of(skip(s, ctx, notices));
      }
      case NONE_OF_THESE, "nessuno di questi" -> {
        return Optional.of(noneOfThese(s, notices));
      }
      case "aiuto", "help", "comandi" -> {
        return Optional.of(new Turn(s, info(pendingNote(s, notices), Texts.HELP, Texts.helpLines())));
      }
      case "orari", "orari secondo livello", "orario", "secondo livello aperto" -> {
        return Optional.of(new Turn(s, info(pendingNote(s, notices),
            OfficeHoursText.now(catalog.calendar(), ctx.now()), OfficeHoursText.schedule(catalog.calendar()))));
      }
      case "casi tl", "casi da tl", "casi del tl", "casi team leader", "quando scalare al tl", "quando scalo al tl",
          "quando devo scalare al tl", "quando si scala al tl", "quando va scalato al tl", "scalare al tl" -> {
        return Optional.of(new Turn(s, Reply.info(pendingNote(s, notices), Texts.TL_CASES,
            TeamLeadCases.lines(catalog), TeamLeadCases.topics(catalog))));
      }
      case "argomenti", "elenco", "lista argomenti", "elenco argomenti" -> {
        return Optional.of(new Turn(s, info(pendingNote(s, notices), Texts.TOPICS, List.of())
            .withSections(Texts.sections(catalog))));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Turn back(Session s, TurnContext ctx, List<String> notices) {
    if (!s.inTopic() || s.path().isEmpty()) {
      notices.add(Texts.NOTHING_BEFORE);
      return current(s, ctx, notices);
    }
    return current(s.back(), ctx, notices);
  }

  // ---- topics ---------------------------------------------------------------------------------

  private Turn search(Session s, String text, List<String> terms, Ranking ranking, TurnContext ctx,
      List<String> notices) {
    Facts facts = FactExtractor.extract(text, catalog.calendar(), ctx.now());
    switch (ranking.verdict()) {
      case CONFIDENT -> {
        Topic topic = catalog.topic(ranking.best()).orElseThrow();
        if (facts.workingHours().isEmpty() && facts.expiredDays().isEmpty() && asksElapsedTime(topic)) {
          SaidTime.futureDate(text, catalog.calendar().zone(), ctx.now())
              .ifPresent(d -> notices.add(Texts.futureDateNotUsed(d)));
        }
        return start(s.cleared(), topic, facts, choices.preanswers(topic, terms), ctx, notices, Optional.of(ranking));
      }
      case AMBIGUOUS -> {
        Map<String, Integer> pre = new HashMap<>();
        List<Option> options = new ArrayList<>();
        for (Scored sc : ranking.top(3)) {
          Topic topic = catalog.topic(sc.topicId()).orElseThrow();
          pre.putAll(choices.preanswers(topic, terms));
          options.add(new Option(topic.title(), new Action.StartTopic(topic.id())));
        }
        options.add(new Option(Texts.NONE_OF_THESE, new Action.Command(NONE_OF_THESE)));
        Session next = s.undecided(facts, pre, text);
        Reply r = Reply.suggestions(notices, Texts.WHICH_TOPIC, options, ranking);
        return new Turn(next, r);
      }
      default -> {
        Reply r = Reply.notFound(notices, Texts.NOT_FOUND, List.of(new Option("Aiuto", new Action.Command("aiuto"))),
            Texts.notFoundLines(), Texts.sections(catalog), Optional.of(ranking));
        // The sentence is kept until the next one: a rephrase that finds the topic makes it a suggestion.
        return new Turn(s.cleared().undecided(Facts.NONE, Map.of(), text), r);
      }
    }
  }

  private Turn start(Session s, Topic topic, Facts facts, Map<String, Integer> preanswers, TurnContext ctx,
      List<String> notices, Optional<Ranking> ranking) {
    notices.add("Argomento: " + topic.title());
    Session started = Session.started(s.agentName(), topic.id(), topic.start(), facts, preanswers);
    Turn t = walk(started, topic, topic.start(), ctx, notices);
    return ranking.isEmpty() ? t : new Turn(t.session(), t.reply().withSearch(ranking.get()));
  }

  private Turn choose(Session s, Topic topic, Question q, int index, TurnContext ctx, List<String> notices) {
    return walk(s.passed(q.id(), index), topic, q.choices().get(index).next(), ctx, notices);
  }

  /** Walks from a node through checks and pre-answered questions to what the agent must see. */
  private Turn walk(Session s, Topic topic, String nodeId, TurnContext ctx, List<String> notices) {
    Session cur = s;
    String id = nodeId;
    for (int guard = 0; guard < MAX_AUTO_STEPS; guard++) {
      Node node = topic.node(id);
      if (node instanceof Check c) {
        boolean open = catalog.calendar().isOpen(ctx.now());
        notices.add(open ? Texts.SECOND_LEVEL_OPEN : Texts.SECOND_LEVEL_CLOSED);
        id = open ? c.yes() : c.no();
      } else if (node instanceof Question q) {
        Optional<Integer> auto = choices.preanswered(cur, topic, q);
        if (auto.isEmpty()) {
          Session at = cur.at(q.id(), true, null);
          return new Turn(at, question(at, topic, q, notices));
        }
        Choice choice = q.choices().get(auto.get());
        notices.add("Dal messaggio: " + q.ask() + " → " + choice.label());
        notices.addAll(factNotices(choice, cur.facts()));
        cur = cur.passed(q.id(), auto.get());
        id = choice.next();
      } else {
        Step step = (Step) node;
        Map<String, String> values = new HashMap<>(cur.values());
        String name = cur.agentName() != null ? cur.agentName() : ctx.agentName();
        if (name != null && !name.isBlank()) {
          values.put(Phrases.NAME, name);
        }
        cur.facts().address().ifPresent(a -> values.putIfAbsent(Phrases.ADDRESS, a));
        Session done = cur.withValues(values).at(step.id(), false, null);
        if (step.escalateReason() != null) {
          done = EscalationFlow.begin(done);
        } else {
          Optional<String> missing = Phrases.needed(step).stream().filter(v -> !values.containsKey(v)).findFirst();
          if (missing.isPresent()) {
            // The step, the queue and the phrase with a blank come at once; only the blank waits.
            done = cur.withValues(values).at(step.id(), true, missing.get());
          }
        }
        return new Turn(done, answer(done, topic, step, ctx, notices));
      }
    }
    throw new IllegalStateException("automatic steps do not end in topic " + topic.id());
  }

  // ---- replies --------------------------------------------------------------------------------

  private Turn current(Session s, TurnContext ctx, List<String> notices) {
    Optional<Topic> topic = catalog.topic(s.topicId());
    if (topic.isPresent() && s.pending()) {
      Node node = topic.get().node(s.nodeId());
      if (EscalationFlow.handles(s.awaiting())) {
        return new Turn(s, EscalationDialogue.drafting(s, topic.get(), notices));
      }
      if (s.awaiting() != null) {
        return new Turn(s, askValue(s, topic.get(), s.awaiting(), notices));
      }
      if (node instanceof Question q) {
        return new Turn(s, question(s, topic.get(), q, notices));
      }
    }
    return new Turn(s, info(notices, Texts.NOTHING_PENDING, List.of()));
  }

  private static Reply question(Session s, Topic topic, Question q, List<String> notices) {
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < q.choices().size(); i++) {
      options.add(new Option(q.choices().get(i).label(), new Action.Choose(topic.id(), q.id(), i)));
    }
    List<String> lines = new ArrayList<>();
    if (!q.hint().isBlank()) {
      lines.add(q.hint());
    }
    q.local().forEach(l -> lines.add(Answer.marked(l)));
    return Reply.question(notices, topic, q.id(), q.ask(), options, lines, !s.path().isEmpty());
  }

  /** Goes on without the value a prompt asks for (a gap in the phrase, or no ticket). */
  private static final Option SKIP = new Option("Salta", new Action.Command("salta"));

  private static Reply askValue(Session s, Topic topic, String value, List<String> notices) {
    String prompt = Phrases.ADDRESS.equals(value) ? Texts.ASK_ADDRESS : Texts.ASK_NAME;
    return Reply.askValue(notices, topic, s.nodeId(), prompt, List.of(SKIP), List.of(Texts.PROMPT_WAYS_OUT),
        !s.path().isEmpty());
  }

  private Reply answer(Session s, Topic topic, Step step, TurnContext ctx, List<String> notices) {
    Answer a = new Answer(step.text(), Optional.ofNullable(step.forward()),
        Optional.ofNullable(step.escalateReason()), step.notes(), step.links(), step.local());
    List<Phrase> phrases = Phrases.fill(step, catalog.calendar().greeting(ctx.now()), s.values());
    boolean drafting = EscalationFlow.TICKET.equals(s.awaiting());
    String prompt = drafting ? Texts.ASK_TICKET
        : Phrases.ADDRESS.equals(s.awaiting()) ? Texts.COMPLETE_ADDRESS
        : Phrases.NAME.equals(s.awaiting()) ? Texts.COMPLETE_NAME : null;
    return Reply.answer(notices, topic, step.id(), prompt,
        drafting ? EscalationFlow.askOptions(EscalationFlow.TICKET) : prompt != null ? List.of(SKIP) : List.of(),
        a, phrases, drafting ? List.of(Texts.TICKET_WAYS_OUT) : prompt != null ? List.of(Texts.PROMPT_WAYS_OUT)
            : List.of(), !s.path().isEmpty());
  }

  /** Whether some question of the topic is decided by the time elapsed since something happened. */
  private static boolean asksElapsedTime(Topic topic) {
    return topic.nodes().values().stream().anyMatch(n -> n instanceof Question q && asksElapsedTime(q));
  }

  private static boolean asksElapsedTime(Question q) {
    return q.choices().stream().anyMatch(c -> c.when() != null
        && (c.when().fact() == Condition.Fact.WORKING_HOURS || c.when().fact() == Condition.Fact.EXPIRED_DAYS));
  }

  /**
   * What the message said that decided a choice on elapsed time, in numbers the agent can check;
   * for working hours also the definition used, marked as the internal rule it is.
   */
  private List<String> factNotices(Choice choice, Facts facts) {
    if (choice.when() == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    switch (choice.when().fact()) {
      case WORKING_HOURS -> facts.workingHours().ifPresent(b -> {
        out.add("Ore lavorative trascorse: " + b.italian() + ".");
        catalog.calendarRules().stream()
            .filter(l -> l.text().equals(catalog.calendar().workingHourDefinition()))
            .forEach(l -> out.add(Answer.marked(l)));
      });
      case EXPIRED_DAYS -> facts.expiredDays().ifPresent(b -> out.add("Giorni dalla scadenza: " + b.italian() + "."));
      default -> { }
    }
    return out;
  }

  private static List<String> pendingNote(Session s, List<String> notices) {
    if (s.pending()) {
      notices.add(Texts.STILL_PENDING);
    }
    return notices;
  }

  private static Reply info(List<String> notices, String prompt, List<String> lines) {
    return Reply.info(notices, prompt, lines, List.of());
  }
}
