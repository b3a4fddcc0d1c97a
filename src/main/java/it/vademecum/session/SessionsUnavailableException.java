package it.vademecum.session;

/** The store of sessions does not answer for now (Redis lost); the turn cannot read or write one. */
public final class SessionsUnavailableException extends RuntimeException {

  public SessionsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
