package it.vademecum.escalation;

/** The outbox database cannot be opened or written. */
public final class OutboxException extends RuntimeException {

  public OutboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
