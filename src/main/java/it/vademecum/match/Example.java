package it.vademecum.match;

/**
 * One labelled sentence the topic classifier learns from: {@code topic} is a topic id, or null for
 * a sentence that is no topic (office chatter, other products); {@code source} says where it came
 * from (the set it was written for).
 */
public record Example(String text, String topic, String source) {}
