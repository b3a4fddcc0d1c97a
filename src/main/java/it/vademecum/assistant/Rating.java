package it.vademecum.assistant;

/** 👍 ({@code up}) or 👎 of an agent on the answer {@code nodeId} of {@code topicId}, with an optional reason. */
public record Rating(String agentId, String topicId, String nodeId, boolean up, String reason) {}
