package it.vademecum.usage;

/**
 * The usage store could not open or answer. Messages never carry stored text: they name the
 * operation and the database's SQL state only.
 */
public final class UsageStoreException extends RuntimeException {

  private final boolean inUse;

  public UsageStoreException(String message, Throwable cause, boolean inUse) {
    super(message, cause);
    this.inUse = inUse;
  }

  public UsageStoreException(String message) {
    super(message);
    this.inUse = false;
  }

  /** The database file is locked by another process (e.g. a running server). */
  public boolean inUse() {
    return inUse;
  }
}
