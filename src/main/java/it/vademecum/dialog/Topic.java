package it.vademecum.dialog;

import java.util.List;
import java.util.Map;

/** One topic: how agents ask for it (triggers, signals) and the tree that answers it. */
public record Topic(
    String id,
    String title,
    String group,
    String summary,
    List<String> triggers,
    List<String> signals,
    String start,
    Map<String, Node> nodes) {

  public Topic {
    triggers = List.copyOf(triggers);
    signals = List.copyOf(signals);
    nodes = Map.copyOf(nodes);
  }

  public Node node(String nodeId) {
    return nodes.get(nodeId);
  }
}
