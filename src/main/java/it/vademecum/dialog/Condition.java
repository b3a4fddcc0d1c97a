package it.vademecum.dialog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A test on one fact of the agent's message (amount, hours elapsed, PEC domain). */
public record Condition(Fact fact, Double gt, Double lte, List<String> in, List<String> notIn) {

  public enum Fact { AMOUNT, HOURS, DOMAIN }

  public Condition {
    in = in == null ? List.of() : List.copyOf(in);
    notIn = notIn == null ? List.of() : List.copyOf(notIn);
  }

  /** Whether the facts decide this condition true; empty when the fact is unknown. */
  public boolean holds(Facts facts) {
    return switch (fact) {
      case AMOUNT -> facts.amountEuro().map(this::compare).orElse(false);
      case HOURS -> facts.elapsedHours().map(this::compare).orElse(false);
      case DOMAIN -> facts.domain().map(this::matchDomain).orElse(false);
    };
  }

  private boolean compare(double value) {
    return (gt == null || value > gt) && (lte == null || value <= lte);
  }

  private boolean matchDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    boolean inOk = in.isEmpty() || in.stream().anyMatch(x -> x.equalsIgnoreCase(d));
    boolean notInOk = notIn.stream().noneMatch(x -> x.equalsIgnoreCase(d));
    return inOk && notInOk;
  }

  /** What the agent's message may tell: each fact is optional. */
  public record Facts(
      Optional<Double> amountEuro, Optional<Double> elapsedHours, Optional<String> address, Optional<String> domain) {
    public static final Facts NONE = new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
