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
    super("The file " + file + " " + problem + ": the server does not start, so as not to lose or hide the data it "
        + "held. Restore the file from the backup, or move it away (for example to " + file.getFileName()
        + ".damaged) to start with an empty store.", cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
