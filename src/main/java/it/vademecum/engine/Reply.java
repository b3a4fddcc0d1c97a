package it.vademecum.engine;

import it.vademecum.dialog.Topic;
import it.vademecum.match.Ranking;
import java.util.List;
import java.util.Optional;

/**
 * What the engine answers to one input; front ends turn it into cards or console text.
 *
 * @param kind what this reply is
 * @param notices short lines shown first (what was understood, a restart, a stale button)
 * @param topicId the topic in progress, or null
 * @param topicTitle its title, or null
 * @param prompt the question, the value asked for, or the main text of an information reply
 * @param options buttons (the question's choices, candidate topics, or commands)
 * @param answer the step, for {@link Kind#ANSWER}
 * @param phrases filled customer phrases, for {@link Kind#ANSWER}
 * @param lines further lines of an information reply (help, topic list)
 * @param canGoBack whether "indietro" has somewhere to go
 * @param search the topic search this turn ran, if any (for the "no answer" statistics)
 * @param escalation an escalation the agent confirmed, for the front end to queue for a team lead; in a
 *     {@link Kind#CONFIRM} reply, the draft to preview (not sent)
 * @param sections options grouped under a title (the topic list by group), for a front end to show
 *     as expandable sections rather than one long list
 * @param settled what became of the question the agent clicked an answer to, so a front end can
 *     settle the card it was asked on (show the answer, drop its buttons)
 */
public record Reply(
    Kind kind,
    List<String> notices,
    String topicId,
    String topicTitle,
    String nodeId,
    String prompt,
    List<Option> options,
    Optional<Answer> answer,
    List<Phrase> phrases,
    List<String> lines,
    boolean canGoBack,
    Optional<Ranking> search,
    Optional<EscalationRequest> escalation,
    List<Section> sections,
    Optional<Settled> settled) {

  /** A titled group of buttons (the topics of one group). */
  public record Section(String title, List<Option> options) {
    public Section {
      options = List.copyOf(options);
    }
  }

  /**
   * The question a click answered and the answer shown in its place; {@code answer} is null when
   * the click came from a question already passed, which the click did not change.
   */
  public record Settled(String question, String answer) {
    public boolean stale() {
      return answer == null;
    }
  }

  public enum Kind {
    /** A question with choices. */
    QUESTION,
    /** A value the step needs before its phrases (free text). */
    ASK_VALUE,
    /** The step, with queue, escalation and phrases. */
    ANSWER,
    /** Two or three topics are close: which one? */
    SUGGESTIONS,
    /** No topic found. */
    NOT_FOUND,
    /** The summary of an escalation, to send to a team lead or cancel. */
    CONFIRM,
    /** Help, topic list, restart, a notice with nothing pending. */
    INFO
  }

  public Reply {
    sections = List.copyOf(sections);
    notices = List.copyOf(notices);
    options = List.copyOf(options);
    phrases = List.copyOf(phrases);
    lines = List.copyOf(lines);
  }

  /** All the text of the reply, one element per line: for logs of shape, tests and plain channels. */
  public String plainText() {
    StringBuilder b = new StringBuilder();
    notices.forEach(n -> b.append(n).append('\n'));
    if (prompt != null) {
      b.append(prompt).append('\n');
    }
    answer.ifPresent(a -> {
      b.append(a.step()).append('\n');
      a.forward().ifPresent(q -> b.append("Coda: ").append(q).append('\n'));
      a.escalationReason().ifPresent(r -> b.append("Scala al TL: ").append(r).append('\n'));
      a.notes().forEach(n -> b.append(n).append('\n'));
      a.localLines().forEach(n -> b.append(n).append('\n'));
      a.links().forEach(l -> b.append(l.label()).append(": ").append(l.url()).append('\n'));
    });
    phrases.forEach(p -> b.append(p.text()).append('\n'));
    lines.forEach(l -> b.append(l).append('\n'));
    sections.forEach(sec -> {
      b.append(sec.title()).append(":\n");
      sec.options().forEach(o -> b.append("  [").append(o.label()).append("]\n"));
    });
    options.forEach(o -> b.append("[").append(o.label()).append("]\n"));
    return b.toString();
  }

  // ---- the replies there are (the canonical constructor is for the factories and the with-ers) ----

  /** A question of {@code topic} at node {@code nodeId}, its choices as {@code options}. */
  public static Reply question(List<String> notices, Topic topic, String nodeId, String ask, List<Option> options,
      List<String> lines, boolean canGoBack) {
    return at(Kind.QUESTION, notices, topic, nodeId, ask, options, Optional.empty(), List.of(), lines, canGoBack,
        Optional.empty());
  }

  /** A value the step at {@code nodeId} asks for as free text ({@code prompt}). */
  public static Reply askValue(List<String> notices, Topic topic, String nodeId, String prompt, List<Option> options,
      List<String> lines, boolean canGoBack) {
    return at(Kind.ASK_VALUE, notices, topic, nodeId, prompt, options, Optional.empty(), List.of(), lines, canGoBack,
        Optional.empty());
  }

  /** The step at {@code nodeId}: {@code answer} and its filled phrases; {@code prompt} when a value is still asked. */
  public static Reply answer(List<String> notices, Topic topic, String nodeId, String prompt, List<Option> options,
      Answer answer, List<Phrase> phrases, List<String> lines, boolean canGoBack) {
    return at(Kind.ANSWER, notices, topic, nodeId, prompt, options, Optional.of(answer), phrases, lines, canGoBack,
        Optional.empty());
  }

  /** The summary of the escalation {@code draft} ({@code lines}), to send to a team lead or cancel. */
  public static Reply confirm(List<String> notices, Topic topic, String nodeId, String prompt, List<Option> options,
      List<String> lines, boolean canGoBack, EscalationRequest draft) {
    return at(Kind.CONFIRM, notices, topic, nodeId, prompt, options, Optional.empty(), List.of(), lines, canGoBack,
        Optional.of(draft));
  }

  /** Information at a step of {@code topic}; {@code sent}: the escalation the agent just confirmed, if any. */
  public static Reply atStep(List<String> notices, Topic topic, String nodeId, String prompt, List<Option> options,
      List<String> lines, boolean canGoBack, Optional<EscalationRequest> sent) {
    return at(Kind.INFO, notices, topic, nodeId, prompt, options, Optional.empty(), List.of(), lines, canGoBack, sent);
  }

  /** Two or three close topics ({@code options}) the search {@code ranking} found: which one? */
  public static Reply suggestions(List<String> notices, String prompt, List<Option> options, Ranking ranking) {
    return new Reply(Kind.SUGGESTIONS, notices, null, null, null, prompt, options, Optional.empty(), List.of(),
        List.of(), false, Optional.of(ranking), Optional.empty(), List.of(), Optional.empty());
  }

  /** No topic found (by {@code search}, when one ran); every topic in {@code sections}. */
  public static Reply notFound(List<String> notices, String prompt, List<Option> options, List<String> lines,
      List<Section> sections, Optional<Ranking> search) {
    return new Reply(Kind.NOT_FOUND, notices, null, null, null, prompt, options, Optional.empty(), List.of(), lines,
        false, search, Optional.empty(), sections, Optional.empty());
  }

  /** An information reply with no topic, for commands outside the dialog trees. */
  public static Reply info(List<String> notices, String prompt, List<String> lines, List<Option> options) {
    return new Reply(Kind.INFO, notices, null, null, null, prompt, options, Optional.empty(), List.of(), lines,
        false, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  private static Reply at(Kind kind, List<String> notices, Topic topic, String nodeId, String prompt,
      List<Option> options, Optional<Answer> answer, List<Phrase> phrases, List<String> lines, boolean canGoBack,
      Optional<EscalationRequest> escalation) {
    return new Reply(kind, notices, topic.id(), topic.title(), nodeId, prompt, options, answer, phrases, lines,
        canGoBack, Optional.empty(), escalation, List.of(), Optional.empty());
  }

  /** The same reply with the topic search that led to it. */
  public Reply withSearch(Ranking ranking) {
    return new Reply(kind, notices, topicId, topicTitle, nodeId, prompt, options, answer, phrases, lines, canGoBack,
        Optional.of(ranking), escalation, sections, settled);
  }

  /** The same reply with these lines instead of its own. */
  public Reply withLines(List<String> replaced) {
    return new Reply(kind, notices, topicId, topicTitle, nodeId, prompt, options, answer, phrases, replaced,
        canGoBack, search, escalation, sections, settled);
  }

  /** The same reply with more lines at the end. */
  public Reply withMoreLines(List<String> more) {
    List<String> all = new java.util.ArrayList<>(lines);
    all.addAll(more);
    return new Reply(kind, notices, topicId, topicTitle, nodeId, prompt, options, answer, phrases, all, canGoBack,
        search, escalation, sections, settled);
  }

  /** The same reply with more buttons at the end. */
  public Reply withMoreOptions(List<Option> more) {
    List<Option> all = new java.util.ArrayList<>(options);
    all.addAll(more);
    return new Reply(kind, notices, topicId, topicTitle, nodeId, prompt, all, answer, phrases, lines, canGoBack,
        search, escalation, sections, settled);
  }

  /** The same reply with these sections. */
  public Reply withSections(List<Section> newSections) {
    return new Reply(kind, notices, topicId, topicTitle, nodeId, prompt, options, answer, phrases, lines, canGoBack,
        search, escalation, newSections, settled);
  }

  /** The same reply, settling the question the agent clicked an answer to. */
  public Reply withSettled(Settled s) {
    return new Reply(kind, notices, topicId, topicTitle, nodeId, prompt, options, answer, phrases, lines, canGoBack,
        search, escalation, sections, Optional.of(s));
  }
}
