package it.vademecum.engine;

/** One thing the agent did: typed text, or pressed a button carrying a value. */
public sealed interface Input permits Input.Text, Input.Button {

  record Text(String text) implements Input {}

  record Button(String value) implements Input {}

  static Input text(String text) {
    return new Text(text == null ? "" : text);
  }

  static Input button(String value) {
    return new Button(value == null ? "" : value);
  }
}
