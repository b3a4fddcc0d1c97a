package it.vademecum.engine;

import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.Choice;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * «casi TL»: when the dialogs send a case to a team lead, worked out from the trees themselves, so
 * the list never disagrees with the answers. A line per answer that leads to an escalating step
 * ("topic — question → answer"), and a button per topic to open it.
 */
final class TeamLeadCases {

  private TeamLeadCases() {}

  /** The lines, in the catalog's order; the same line once. */
  static List<String> lines(Catalog catalog) {
    Set<String> out = new LinkedHashSet<>();
    for (Topic topic : catalog.list()) {
      for (Node node : topic.nodes().values()) {
        if (escalates(node)) {
          List<String> ways = waysTo(topic, node.id());
          if (ways.isEmpty()) {
            out.add(topic.title());
          }
          ways.forEach(w -> out.add(topic.title() + " — " + w));
        }
      }
    }
    return List.copyOf(out);
  }

  /** A button for each topic with a case for the TL. */
  static List<Option> topics(Catalog catalog) {
    List<Option> out = new ArrayList<>();
    for (Topic topic : catalog.list()) {
      if (topic.nodes().values().stream().anyMatch(TeamLeadCases::escalates)) {
        out.add(new Option(topic.title(), new Action.StartTopic(topic.id())));
      }
    }
    return out;
  }

  /** Whether the node is a step that sends the case to a team lead. */
  private static boolean escalates(Node node) {
    return node instanceof Step s && s.escalateReason() != null;
  }

  /** The answers that lead straight to the step: "question → answer". */
  private static List<String> waysTo(Topic topic, String stepId) {
    List<String> out = new ArrayList<>();
    for (Node node : topic.nodes().values()) {
      if (node instanceof Question q) {
        for (Choice c : q.choices()) {
          if (c.next().equals(stepId)) {
            out.add(q.ask() + " → " + c.label());
          }
        }
      }
    }
    return out;
  }
}
