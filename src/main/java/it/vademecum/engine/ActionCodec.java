package it.vademecum.engine;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that knows how an {@link Action} is written into a card's value and read back:
 * {@code c:TOPIC:NODE:I}, {@code t:TOPIC}, {@code e:STEP}, {@code k:WORDS}, {@code f:up|down:TOPIC:NODE},
 * {@code f:skip}, {@code esc:take:ID}, {@code esc:view:ID}. Values are short and hold no personal data.
 */
public final class ActionCodec {

  // Compiled once: String.matches compiles its pattern on every call, and every button is decoded.
  private static final Pattern INDEX = Pattern.compile("\\d{1,4}");
  private static final Pattern ID = Pattern.compile("\\d{1,18}");

  private ActionCodec() {}

  public static String encode(Action action) {
    if (action instanceof Action.Choose c) {
      return "c:" + c.topicId() + ":" + c.nodeId() + ":" + c.index();
    } else if (action instanceof Action.StartTopic t) {
      return "t:" + t.topicId();
    } else if (action instanceof Action.Escalate e) {
      return "e:" + step(e.step());
    } else if (action instanceof Action.Command k) {
      return "k:" + k.words();
    } else if (action instanceof Action.Rate r) {
      return "f:" + (r.useful() ? "up" : "down") + ":" + r.topicId() + ":" + r.nodeId();
    } else if (action instanceof Action.BadRating b) {
      return b.value();
    } else if (action instanceof Action.SkipReason) {
      return "f:skip";
    } else if (action instanceof Action.Take t) {
      return "esc:take:" + t.id();
    } else if (action instanceof Action.View v) {
      return "esc:view:" + v.id();
    }
    return ((Action.Unknown) action).value();
  }

  /** The action a value asks for; {@link Action.Unknown} for anything else, never an exception. */
  public static Action decode(String value) {
    String v = value == null ? "" : value;
    String[] p = v.split(":", -1);
    Optional<Action> a = switch (p[0]) {
      case "c" -> p.length == 4 ? index(p[3]).map(i -> new Action.Choose(p[1], p[2], i)) : Optional.empty();
      case "t" -> p.length == 2 ? Optional.of(new Action.StartTopic(p[1])) : Optional.empty();
      case "e" -> p.length == 2 ? step(p[1]).map(Action.Escalate::new) : Optional.empty();
      case "k" -> p.length == 2 ? Optional.of(new Action.Command(p[1])) : Optional.empty();
      case "f" -> p.length == 2 && p[1].equals("skip") ? Optional.of(new Action.SkipReason())
          : p.length == 4 && (p[1].equals("up") || p[1].equals("down"))
              ? Optional.of(new Action.Rate(p[1].equals("up"), p[2], p[3])) : Optional.of(new Action.BadRating(v));
      case "esc" -> p.length == 3 ? id(p[2]).map(id -> p[1].equals("take") ? new Action.Take(id)
          : p[1].equals("view") ? new Action.View(id) : null) : Optional.empty();
      default -> Optional.empty();
    };
    return a.orElseGet(() -> new Action.Unknown(v));
  }

  private static String step(Action.Escalate.Step s) {
    return switch (s) {
      case START -> "start";
      case FORM -> "form";
      case NO_NOTE -> "nonote";
      case SEND -> "send";
      case CANCEL -> "cancel";
    };
  }

  private static Optional<Action.Escalate.Step> step(String s) {
    for (Action.Escalate.Step step : Action.Escalate.Step.values()) {
      if (step(step).equals(s)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> index(String s) {
    return INDEX.matcher(s).matches() ? Optional.of(Integer.parseInt(s)) : Optional.empty();
  }

  private static Optional<Long> id(String s) {
    return ID.matcher(s).matches() ? Optional.of(Long.parseLong(s)) : Optional.empty();
  }
}
