package it.vademecum.dashboard;

import it.vademecum.assistant.Agent;
import it.vademecum.supervisor.Roles;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read the dashboard. Without Microsoft credentials (local mode): anyone on this machine,
 * nobody from elsewhere. With them: a valid Teams SSO token of someone listed in SUPERVISORS.
 */
final class DashboardAccess {

  static final String ONLY_HERE = "In modalità locale la dashboard si apre solo da questo computer "
      + "(http://127.0.0.1).";
  static final String SIGN_IN = "Apri la dashboard dalla scheda «Dashboard» di Vademecum in Microsoft Teams: "
      + "serve l'accesso con il tuo account aziendale.";
  static final String INVALID = "L'accesso non è valido o è scaduto: chiudi e riapri la scheda in Teams.";
  static final String RESERVED = "La dashboard è riservata ai supervisori. Se ti serve, chiedi al tuo "
      + "responsabile di aggiungerti all'elenco dei supervisori di Vademecum.";
  static final String UNAVAILABLE = "Non riesco a verificare l'accesso in questo momento: riprova tra qualche minuto.";

  private static final Logger LOG = LoggerFactory.getLogger(DashboardAccess.class);

  /** Why someone is not let in: the HTTP status and the Italian sentence the page shows. */
  record Refusal(int status, String message) {}

  private final SsoTokens tokens;
  private final Roles roles;

  private DashboardAccess(SsoTokens tokens, Roles roles) {
    this.tokens = tokens;
    this.roles = roles;
  }

  static DashboardAccess local() {
    return new DashboardAccess(null, null);
  }

  static DashboardAccess teams(SsoTokens tokens, Roles roles) {
    return new DashboardAccess(tokens, roles);
  }

  boolean localMode() {
    return tokens == null;
  }

  /** Empty when the request may read the figures. */
  Optional<Refusal> check(String remoteAddress, String authorization) {
    if (localMode()) {
      return loopback(remoteAddress) ? Optional.empty() : refuse(403, ONLY_HERE, "not from loopback");
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return refuse(401, SIGN_IN, "no token");
    }
    SsoTokens.Identity who;
    try {
      who = tokens.verify(authorization.substring(7).strip());
    } catch (SsoTokens.Rejected e) {
      return refuse(401, INVALID, "token refused: " + e.getMessage());
    } catch (SsoTokens.Unavailable e) {
      LOG.warn("dashboard: cannot check tokens ({})", e.getMessage());
      return Optional.of(new Refusal(503, UNAVAILABLE));
    }
    if (!roles.isSupervisor(new Agent(who.objectId(), who.objectId(), who.name(), who.upn()))) {
      return refuse(403, RESERVED, "not a supervisor");
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(int status, String message, String why) {
    LOG.info("dashboard {} {}", status, why);
    return Optional.of(new Refusal(status, message));
  }

  private static boolean loopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
