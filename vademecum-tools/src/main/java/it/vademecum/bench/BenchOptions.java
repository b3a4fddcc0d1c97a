package it.vademecum.bench;

import java.nio.file.Path;

/**
 * How a benchmark run goes.
 *
 * @param agents simulated agents talking at once
 * @param durationS measured seconds in all (both bots together when the echo runs)
 * @param warmupS seconds of unmeasured load first (JIT, connections, agents' names)
 * @param phaseS length of each alternating phase, vademecum then echo
 * @param thinkMs mean interval between one agent's messages, start to start (exponential), 0 for
 *     back-to-back turns
 * @param echo whether the echo bot (the SDK's floor) runs alternately with vademecum
 * @param sentences a JSONL file of {"text": ...} lines to ask, or null for the topics' triggers
 * @param dialogs the dialogs folder
 * @param dataDir where the usage statistics go (H2), or null to run without statistics
 * @param sessions idle sessions created for the heap figure
 * @param matchRounds passes over the sentences for the matcher figure
 * @param serveStarts launches of {@code serve} in a JVM of its own for the time to ready, 0 for none
 * @param connectorLatencyMs how long the fake connector takes to answer each call
 * @param connector429 share of connector calls answered 429 with Retry-After (0-1)
 * @param retryAfterS the Retry-After of those answers, in seconds
 * @param connectorRate the bot's ceiling on connector calls per second (CONNECTOR_RATE), 0 = none
 */
public record BenchOptions(int agents, int durationS, int warmupS, int phaseS, long thinkMs, boolean echo,
    Path sentences, Path dialogs, Path dataDir, int sessions, int matchRounds, int serveStarts, long connectorLatencyMs,
    double connector429, int retryAfterS, double connectorRate) {

  public BenchOptions {
    if (agents < 1 || durationS < 1 || warmupS < 0 || phaseS < 1 || thinkMs < 0 || sessions < 1 || matchRounds < 1
        || serveStarts < 0
        || connectorLatencyMs < 0 || connector429 < 0 || connector429 >= 1 || retryAfterS < 0 || connectorRate < 0) {
      throw new IllegalArgumentException("bench options out of range");
    }
  }
}
