package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthPartTest {

  @Test
  void aReasonNamesFilesWithoutTheFoldersTheyAreIn() {
    assertEquals("the usage database usage.mv.db is in use by another process",
        HealthPart.off("usage", "the usage database /srv/vademecum/data/usage.mv.db is in use by another process")
            .reason());
    assertEquals("cannot create data: Not a directory",
        HealthPart.off("usage", "cannot create /tmp/junit1/a-file/data: Not a directory").reason());
    assertEquals("«escalations.mv.db» in use", HealthPart.shown("«/x/escalations.mv.db» in use"));
  }

  @Test
  void textThatIsNotAnAbsolutePathIsLeftAsItIs() {
    for (String text : new String[] {"no TEAMLEAD_CHANNEL_ID", "route not readable", "5/12 and/or 3 / 4",
        "down: https://login.microsoftonline.com/x/y", "relative/path/file", "~/data/x", ""}) {
      assertEquals(text, HealthPart.shown(text));
    }
    assertEquals("", HealthPart.ok("usage").reason());
    assertEquals("", HealthPart.off("usage", null).reason());
  }
}
