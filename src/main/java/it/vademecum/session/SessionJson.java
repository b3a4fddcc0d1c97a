package it.vademecum.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/** A session as JSON, for a store outside the process; unknown fields are ignored (rolling upgrades). */
final class SessionJson {

  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  String write(Session session) {
    try {
      return json.writeValueAsString(session);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("session not serialisable", e);
    }
  }

  Session read(String text) {
    try {
      return json.readValue(text, Session.class);
    } catch (JsonProcessingException e) {
      return Session.EMPTY;
    }
  }
}
