package it.vademecum.store;

import java.nio.file.Path;

/**
 * An existing store file that is empty, corrupt, truncated or unreadable: the server must not
 * start on it (opening would silently give a new or an older database). The message names the
 * file and what to do.
 */
public final class DamagedStoreException extends RuntimeException {

  private final Path file;

  DamagedStoreException(Path file, String problem, Throwable cause) {
    super("Il file " + file + " " + problem + ": il server non parte, per non perdere o nascondere i dati che "
        + "conteneva. Ripristina il file dal backup, oppure spostalo altrove (per esempio " + file.getFileName()
        + ".guasto) per ripartire con un archivio vuoto.", cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
