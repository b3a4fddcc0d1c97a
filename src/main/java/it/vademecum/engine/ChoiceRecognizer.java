package it.vademecum.engine;

import it.vademecum.dialog.Condition;
import it.vademecum.dialog.Condition.Facts;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Topic;
import it.vademecum.hours.BusinessCalendar;
import it.vademecum.hours.Bounds;
import it.vademecum.hours.SaidTime;
import it.vademecum.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which choice of a question the agent gave without clicking it: named by keywords in the first
 * message (pre-answers), decided by the facts of the case, or typed (its number, sì/no, its label,
 * its keywords, a fact it tests).
 */
final class ChoiceRecognizer {

  // Compiled once: String.matches compiles its pattern on every call.
  private static final Pattern CHOICE_NUMBER = Pattern.compile("\\d{1,2}");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+([.,]\\d+)?");
  /** What ends a label's first word: «Sì, auth alta» → «si». */
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]");

  private final BusinessCalendar calendar;
  private final KeywordSpotter spotter;

  ChoiceRecognizer(BusinessCalendar calendar, KeywordSpotter spotter) {
    this.calendar = calendar;
    this.spotter = spotter;
  }

  /** Choices of the topic's questions that the message names by keyword, keyed topic/node. */
  Map<String, Integer> preanswers(Topic topic, List<String> terms) {
    Map<String, Integer> out = new HashMap<>();
    for (Node n : topic.nodes().values()) {
      if (n instanceof Question q) {
        spotter.byKeywords(q, terms).ifPresent(i -> out.put(topic.id() + "/" + q.id(), i));
      }
    }
    return out;
  }

  Optional<Integer> preanswered(Session s, Topic topic, Question q) {
    Integer byKeyword = s.preanswers().get(topic.id() + "/" + q.id());
    if (byKeyword != null) {
      return Optional.of(byKeyword);
    }
    return byFacts(q, s.facts());
  }

  private static Optional<Integer> byFacts(Question q, Facts facts) {
    List<Integer> holding = new ArrayList<>();
    for (int i = 0; i < q.choices().size(); i++) {
      Condition when = q.choices().get(i).when();
      if (when != null && when.holds(facts)) {
        holding.add(i);
      }
    }
    return holding.size() == 1 ? Optional.of(holding.get(0)) : Optional.empty();
  }

  /**
   * A typed answer: the choice's index, and the facts of the text when they decided it (else
   * {@link Facts#NONE}), so that the agent can check how the text was read.
   */
  record TypedAnswer(int index, Facts facts) {}

  /** A typed answer: the choice's number, sì/no, its label or keywords, or a fact it tests. */
  Optional<TypedAnswer> typed(Question q, String text, List<String> terms, TurnContext ctx) {
    String t = Typed.fold(text);
    if (CHOICE_NUMBER.matcher(t).matches()) {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= q.choices().size()) {
        return Optional.of(new TypedAnswer(n - 1, Facts.NONE));
      }
    }
    Optional<Integer> said = byYesNoOrLabel(q, t);
    if (said.isEmpty()) {
      said = spotter.byKeywordsOrLabel(q, terms);
    }
    if (said.isPresent()) {
      return Optional.of(new TypedAnswer(said.get(), Facts.NONE));
    }
    Facts facts = FactExtractor.extract(text, calendar, ctx.now());
    if (facts.expiredDays().isEmpty()) {
      // A typed answer to "da quanto è scaduta?" needs no "scaduta": «2 mesi», «100 giorni», «12/08».
      facts = new Facts(facts.amountEuro(), facts.workingHours(),
          SaidTime.daysSince(text, calendar.zone(), ctx.now()), facts.address(), facts.domain());
    }
    if (BARE_NUMBER.matcher(t).matches()) {
      double n = FactExtractor.number(t);
      facts = new Facts(Optional.of(n), Optional.of(Bounds.exactly(n)), Optional.of(Bounds.exactly(n)),
          facts.address(), facts.domain());
    }
    Facts used = facts;
    return byFacts(q, facts).map(i -> new TypedAnswer(i, used));
  }

  /**
   * The choice whose label is the folded text, or sì/no for the only choice whose label is, or
   * starts with, that word («sì» for «Sì, auth alta» when no other choice starts with «Sì»).
   */
  private static Optional<Integer> byYesNoOrLabel(Question q, String folded) {
    String yesNo = Texts.yesNo(folded);
    List<Integer> startingWith = new ArrayList<>();
    for (int i = 0; i < q.choices().size(); i++) {
      String label = Texts.fold(q.choices().get(i).label());
      if (label.equals(folded) || label.equals(yesNo)) {
        return Optional.of(i);
      }
      if ((yesNo.equals("si") || yesNo.equals("no")) && NOT_A_LETTER.split(label, 2)[0].equals(yesNo)) {
        startingWith.add(i);
      }
    }
    return startingWith.size() == 1 ? Optional.of(startingWith.get(0)) : Optional.empty();
  }
}
