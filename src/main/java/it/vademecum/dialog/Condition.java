package it.vademecum.dialog;

import it.vademecum.hours.Bounds;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A test on one fact of the agent's message (amount, working hours elapsed, days since expiry, PEC
 * domain). A fact known only within a range decides a threshold only when the whole range is on
 * one side of it: "3 mesi" (84–93 days) decides neither side of 90 days, so the question is asked.
 */
public record Condition(Fact fact, Double gt, Double lte, List<String> in, List<String> notIn) {

  public enum Fact { AMOUNT, WORKING_HOURS, EXPIRED_DAYS, DOMAIN }

  public Condition {
    in = in == null ? List.of() : List.copyOf(in);
    notIn = notIn == null ? List.of() : List.copyOf(notIn);
  }

  /** Whether the facts decide this condition true; false when the fact is unknown or undecided. */
  public boolean holds(Facts facts) {
    return switch (fact) {
      case AMOUNT -> facts.amountEuro().map(a -> compare(new Bounds(a, a))).orElse(false);
      case WORKING_HOURS -> facts.workingHours().map(this::compare).orElse(false);
      case EXPIRED_DAYS -> facts.expiredDays().map(this::compare).orElse(false);
      case DOMAIN -> facts.domain().map(this::matchDomain).orElse(false);
    };
  }

  private boolean compare(Bounds value) {
    return (gt == null || value.min() > gt) && (lte == null || value.max() <= lte);
  }

  private boolean matchDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    boolean inOk = in.isEmpty() || in.stream().anyMatch(x -> x.equalsIgnoreCase(d));
    boolean notInOk = notIn.stream().noneMatch(x -> x.equalsIgnoreCase(d));
    return inOk && notInOk;
  }

  /** What the agent's message may tell: each fact is optional. */
  public record Facts(
      Optional<Double> amountEuro,
      Optional<Bounds> workingHours,
      Optional<Bounds> expiredDays,
      Optional<String> address,
      Optional<String> domain) {
    public static final Facts NONE = new Facts(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }
}
