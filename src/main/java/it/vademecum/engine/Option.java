package it.vademecum.engine;

/** A button: what it says, and the value it sends back as {@link Input.Button} (an encoded {@link Action}). */
public record Option(String label, String value) {

  public Option(String label, Action action) {
    this(label, ActionCodec.encode(action));
  }

  /** What the button asks for. */
  public Action action() {
    return ActionCodec.decode(value);
  }
}
