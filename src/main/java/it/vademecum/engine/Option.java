package it.vademecum.engine;

/** A button: what it says, and the value it sends back as {@link Input.Button}. */
public record Option(String label, String value) {}
