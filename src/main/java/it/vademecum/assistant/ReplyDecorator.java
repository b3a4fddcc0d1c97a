package it.vademecum.assistant;

import it.vademecum.engine.Reply;

/** Changes every reply before the front end shows it (e.g. 👍/👎 buttons on answers). */
public interface ReplyDecorator {

  Reply decorate(Agent agent, Reply reply);

  static ReplyDecorator none() {
    return (agent, reply) -> reply;
  }
}
