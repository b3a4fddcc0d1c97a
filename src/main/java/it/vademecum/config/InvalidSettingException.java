package it.vademecum.config;

/** A setting whose value cannot be used; the message names the setting and says what it takes. */
public final class InvalidSettingException extends IllegalArgumentException {

  private final String setting;

  public InvalidSettingException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  /** The setting's name, as in .env.example. */
  public String setting() {
    return setting;
  }
}
