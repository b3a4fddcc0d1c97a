package it.vademecum.teams;

import java.util.regex.Pattern;

/**
 * One part of the running bot as GET /healthz reports it: its name ({@code usage},
 * {@code escalations}, {@code reminders}, {@code channel}), whether it works, and why not. The
 * reason names a file without the folders it is in, since anyone who reaches the server can read
 * /healthz: "the usage database usage.mv.db is in use", not where the data lives.
 */
public record HealthPart(String name, boolean ok, String reason) {

  /**
   * The folders of an absolute path, up to its last slash: a slash that starts a path, not one
   * after a word character, ':', '/', '.', '~' or '-' (a URL, a date, a relative path).
   */
  private static final Pattern FOLDERS = Pattern.compile("(?<![\\w:/.~-])/(?:[^\\s/]+/)*(?=[^\\s/])");

  public HealthPart {
    reason = shown(reason);
  }

  public static HealthPart ok(String name) {
    return new HealthPart(name, true, "");
  }

  public static HealthPart off(String name, String reason) {
    return new HealthPart(name, false, reason);
  }

  /** {@code text} with every absolute path cut to its last name. */
  static String shown(String text) {
    return text == null ? "" : FOLDERS.matcher(text).replaceAll("");
  }
}
