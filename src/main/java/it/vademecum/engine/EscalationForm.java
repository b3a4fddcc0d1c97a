package it.vademecum.engine;

/**
 * The escalation form a front end with input fields shows at an escalating step: a reply whose
 * options hold {@link #FORM} asks for the ticket number and the note in one go; the button sends
 * {@link #FORM} with the fields {@link #TICKET} and {@link #NOTE}. A front end without fields (the
 * console) leaves that option out and the agent types the ticket and the note one at a time.
 */
public final class EscalationForm {

  /** The value of the form's send button. */
  public static final String FORM = ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.FORM));
  /** The value of the button that drops the escalation. */
  public static final String CANCEL = ActionCodec.encode(new Action.Escalate(Action.Escalate.Step.CANCEL));
  public static final String SEND = "Invia al TL";
  public static final String TICKET = "ticket";
  public static final String NOTE = "nota";
  /** Longest note kept, in characters. */
  public static final int MAX_NOTE = EscalationFlow.MAX_NOTE;
  /**
   * What a ticket number looks like, for the form's own check before it is sent; every value it
   * accepts is accepted by the engine too ("1234567", "#1234567", "TK-1234567").
   */
  public static final String TICKET_REGEX = "^\\s*#?\\s*[A-Za-z]{0,5}[-_/.]?\\d{4,14}\\s*$";

  private EscalationForm() {}
}
