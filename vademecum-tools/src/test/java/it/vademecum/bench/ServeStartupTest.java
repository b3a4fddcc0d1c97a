package it.vademecum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class-data archive the bench starts serve with. */
class ServeStartupTest {

  @TempDir
  Path dir;

  @Test
  void usesTheArchiveBesideTheJarWhenItIsNoOlderThanTheJar() throws Exception {
    Path jar = Files.writeString(dir.resolve("vademecum.jar"), "jar");
    Path jsa = Files.writeString(dir.resolve("vademecum.jsa"), "jsa");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-26T08:00:00Z")));
    Files.setLastModifiedTime(jsa, FileTime.from(Instant.parse("2026-11-26T08:00:03Z")));
    assertEquals(Optional.of(jsa.toAbsolutePath()), ServeStartup.archive(jar.toString()));
  }

  @Test
  void ignoresAnArchiveOlderThanTheJarItWasTrainedOn() throws Exception {
    Path jar = Files.writeString(dir.resolve("vademecum.jar"), "jar");
    Path jsa = Files.writeString(dir.resolve("vademecum.jsa"), "jsa");
    Files.setLastModifiedTime(jsa, FileTime.from(Instant.parse("2026-11-26T08:00:00Z")));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-26T09:00:00Z")));
    assertTrue(ServeStartup.archive(jar.toString()).isEmpty(), "a rebuilt jar makes the archive stale");
  }

  @Test
  void noArchiveWithoutOneOrOutsideASingleJar() throws Exception {
    Path jar = Files.writeString(dir.resolve("vademecum.jar"), "jar");
    assertTrue(ServeStartup.archive(jar.toString()).isEmpty());
    Files.writeString(dir.resolve("vademecum.jsa"), "jsa");
    assertTrue(ServeStartup.archive(jar + File.pathSeparator + dir.resolve("other.jar")).isEmpty());
    assertTrue(ServeStartup.archive(dir.resolve("classes").toString()).isEmpty());
  }
}
