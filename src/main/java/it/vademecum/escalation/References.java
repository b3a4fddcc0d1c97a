package it.vademecum.escalation;

import java.util.Optional;

/**
 * Durable small records the front end needs to reach people later (conversation references, the
 * team leads' channel route), as opaque text by kind and key.
 */
public interface References {

  void put(String kind, String key, String value);

  Optional<String> get(String kind, String key);

  /** The most recently written value of a kind, if any. */
  Optional<String> latest(String kind);
}
