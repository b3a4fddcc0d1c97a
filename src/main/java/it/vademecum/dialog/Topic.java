package it.vademecum.dialog;

import java.util.List;
import java.util.Map;

/**
 * One topic: how agents ask for it (triggers, the sentences learned from agents' picks, signals) and
 * the tree that answers it; nodes in file order.
 */
public record Topic(
    String id,
    String title,
    String group,
    String summary,
    List<String> triggers,
    List<String> learned,
    List<String> signals,
    String start,
    Map<String, Node> nodes,
    String owner,
    java.time.LocalDate verified,
    java.time.Period reviewEvery) {

  /** How often a topic is checked against the notes when the file does not say. */
  public static final java.time.Period DEFAULT_REVIEW = java.time.Period.ofDays(90);

  public Topic {
    triggers = List.copyOf(triggers);
    learned = List.copyOf(learned);
    signals = List.copyOf(signals);
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
  }

  /** The day by which the topic must be checked again; null when it was never verified. */
  public java.time.LocalDate reviewDue() {
    return verified == null || reviewEvery == null ? null : verified.plus(reviewEvery);
  }

  public Node node(String nodeId) {
    return nodes.get(nodeId);
  }
}
