package it.vademecum.shift;

import it.vademecum.assistant.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have been sent to agents, as "agentKey: text". */
public final class RecordingNotifier implements Notifier {

  public final List<String> sent = new CopyOnWriteArrayList<>();

  @Override
  public boolean tell(String agentKey, String text) {
    sent.add(agentKey + ": " + text);
    return true;
  }
}
