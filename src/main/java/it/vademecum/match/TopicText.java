package it.vademecum.match;

import java.util.List;

/**
 * What the matcher knows of one topic: its id, title, the phrases agents write to start it,
 * strong signals (domains, queue names, codes) and the other words of its tree.
 */
public record TopicText(String id, String title, List<String> triggers, List<String> signals, List<String> body) {
  public TopicText {
    triggers = List.copyOf(triggers);
    signals = List.copyOf(signals);
    body = List.copyOf(body);
  }
}
