package it.vademecum.supervisor;

import it.vademecum.assistant.Agent;
import it.vademecum.engine.Reply;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is a supervisor: SUPERVISORS lists AAD object ids or UPNs (case does not matter). */
public final class Roles {

  public static final String RESERVED = "Questo comando è riservato ai supervisori.";

  private final Set<String> supervisors;

  public Roles(Collection<String> supervisors) {
    this.supervisors = supervisors.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  public boolean isSupervisor(Agent agent) {
    return matches(agent.id()) || matches(agent.upn());
  }

  private boolean matches(String s) {
    return s != null && supervisors.contains(s.strip().toLowerCase(Locale.ROOT));
  }

  /** The only answer an agent gets to a supervisor's command. */
  public static Reply refusal() {
    return Reply.info(List.of(), RESERVED, List.of(), List.of());
  }
}
