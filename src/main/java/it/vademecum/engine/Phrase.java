package it.vademecum.engine;

/** A customer phrase with every placeholder filled, ready to paste. */
public record Phrase(String label, String text) {}
