package it.vademecum.escalation;

/** Where an escalation is on its way to the team leads' channel. */
public enum State {
  /** Waiting for the sender (first try, a retry after a definite failure, or a configuration problem). */
  PENDING("in coda"),
  /** A post is in flight: recorded before the HTTP call, so a crash leaves a trace. */
  SENDING("in invio"),
  /** A post whose outcome is unknown (no answer, or a crash mid-call): never re-posted automatically. */
  UNCERTAIN("invio da verificare"),
  /** The card is in the channel; its conversation and activity ids are recorded. */
  POSTED("inviata"),
  /** A team lead took it. */
  TAKEN("presa in carico");

  private final String label;

  State(String label) {
    this.label = label;
  }

  /** The Italian word the agent and the supervisors read. */
  public String label() {
    return label;
  }
}
