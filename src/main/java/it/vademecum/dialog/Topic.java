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
    Map<String, Node> nodes) {

  public Topic {
    triggers = List.copyOf(triggers);
    learned = List.copyOf(learned);
    signals = List.copyOf(signals);
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
  }

  public Node node(String nodeId) {
    return nodes.get(nodeId);
  }
}
