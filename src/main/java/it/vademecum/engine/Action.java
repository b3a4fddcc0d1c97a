package it.vademecum.engine;

/**
 * What a button asks for, typed. A card carries it as a string ({@link Option#value()}); only
 * {@link ActionCodec} knows that string's shape.
 */
public sealed interface Action {

  /** Choice {@code index} of question {@code nodeId} in topic {@code topicId}. */
  record Choose(String topicId, String nodeId, int index) implements Action {}

  /** Start a topic from its first node (a topic menu, a suggestion). */
  record StartTopic(String topicId) implements Action {}

  /** A step of the escalation dialogue at an escalating step. */
  record Escalate(Step step) implements Action {

    /** The steps, in the order the dialogue meets them. */
    public enum Step { START, FORM, NO_NOTE, SEND, CANCEL }
  }

  /** A command, as if typed ("indietro", "pausa fine", "suggerimenti accetta 3"). */
  record Command(String words) implements Action {}

  /** The agent's 👍 ({@code useful}) or 👎 on the answer at {@code topicId}/{@code nodeId}. */
  record Rate(boolean useful, String topicId, String nodeId) implements Action {}

  /** A rating button no answer ever had (damaged or forged): refused as a rating, not as any button. */
  record BadRating(String value) implements Action {}

  /** No reason given for a 👎. */
  record SkipReason() implements Action {}

  /** A team lead takes escalation {@code id} from the channel card. */
  record Take(long id) implements Action {}

  /** The channel card of escalation {@code id} as it is now (a refresh; nothing taken). */
  record View(long id) implements Action {}

  /** A value no action has: an old or forged card. */
  record Unknown(String value) implements Action {}
}
