package it.vademecum.dialog;

import java.time.LocalDate;

/** A statement the notes do not contain: shown to agents marked as an internal rule, with who owns it. */
public record Local(String text, String owner, LocalDate since, String why) {}
