package it.vademecum.teams;

/**
 * One part of the running bot as GET /healthz reports it: its name ({@code usage},
 * {@code escalations}, {@code reminders}, {@code channel}), whether it works, and why not.
 */
public record HealthPart(String name, boolean ok, String reason) {

  public static HealthPart ok(String name) {
    return new HealthPart(name, true, "");
  }

  public static HealthPart off(String name, String reason) {
    return new HealthPart(name, false, reason);
  }
}
