package it.vademecum.escalation;

import java.util.Optional;

/** Posts one escalation card as a new thread in the team leads' channel. */
public interface ChannelPoster {

  /** One attempt; never throws, never retries by itself. */
  PostOutcome post(Escalation escalation);

  /** A configuration problem known without calling Teams (no channel set, channel never seen). */
  Optional<String> configurationProblem();
}
