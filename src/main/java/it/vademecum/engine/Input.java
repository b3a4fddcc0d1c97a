package it.vademecum.engine;

import java.util.Map;

/** One thing the agent did: typed text, or pressed a button carrying a value (and a form's fields). */
public sealed interface Input permits Input.Text, Input.Button {

  record Text(String text) implements Input {}

  /**
   * A button, with the values of the card's input fields when it submits a form.
   *
   * @param fields input id → what the agent typed there; empty for a plain button
   */
  record Button(String value, Map<String, String> fields) implements Input {

    public Button {
      fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public Button(String value) {
      this(value, Map.of());
    }

    /** What the button asks for. */
    public Action action() {
      return ActionCodec.decode(value);
    }

    /** A field's value, "" when absent. */
    public String field(String id) {
      return fields.getOrDefault(id, "");
    }
  }

  static Input text(String text) {
    return new Text(text == null ? "" : text);
  }

  static Input button(String value) {
    return new Button(value == null ? "" : value);
  }

  static Input button(Action action) {
    return new Button(ActionCodec.encode(action));
  }

  static Input form(String value, Map<String, String> fields) {
    return new Button(value == null ? "" : value, fields);
  }
}
