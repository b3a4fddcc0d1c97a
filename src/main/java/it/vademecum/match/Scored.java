package it.vademecum.match;

/** One topic with its calibrated score in [0, 1]. */
public record Scored(String topicId, double score) {}
