package it.vademecum.bench;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Time to ready as a deployment sees it: from launching {@code serve} in a JVM of its own (the same
 * java and class path as this one, a fresh DATA_DIR, local mode) to {@code /healthz} answering 200,
 * which it does only once every dialog is loaded and the bot is in place.
 */
final class ServeStartup {

  private static final long GIVE_UP_MS = 60_000;

  private static final String PRODUCT_JAR = "vademecum.jar";

  private ServeStartup() {}

  /**
   * The class-data archive the build leaves beside the product jar (target/vademecum.jsa, see
   * docs/deploy.md "Start-up"), when this JVM runs from a jar beside them (target/vademecum-tools.jar)
   * and the archive is there.
   */
  static Optional<Path> archive() {
    return archive(System.getProperty("java.class.path"));
  }

  /**
   * The archive for this class path: one jar, and beside it the product jar (vademecum.jar) and its
   * vademecum.jsa, no older than the product jar.
   */
  static Optional<Path> archive(String cp) {
    if (cp.contains(File.pathSeparator) || !cp.endsWith(".jar")) {
      return Optional.empty();
    }
    Path dir = Path.of(cp).toAbsolutePath().getParent();
    Path jar = dir.resolve(PRODUCT_JAR);
    Path jsa = dir.resolve("vademecum.jsa");
    try {
      // An archive older than the jar no longer matches it: the JVM would map it, then drop it.
      return Files.isRegularFile(jsa) && Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) >= 0
          ? Optional.of(jsa) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Milliseconds to ready for each start, in order; with the class-data archive when given. */
  static List<Long> measure(Path dialogs, int starts, Optional<Path> archive)
      throws IOException, InterruptedException {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      out.add(once(dialogs.toAbsolutePath(), archive));
    }
    return out;
  }

  private static long once(Path dialogs, Optional<Path> archive) throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("vademecum-start");
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    archive.ifPresent(jsa -> command.add("-XX:SharedArchiveFile=" + jsa));
    // With the archive: the product jar it was trained on, beside it; else this JVM's class path.
    String cp = archive.map(jsa -> jsa.resolveSibling(PRODUCT_JAR).toString()).orElseGet(ServeStartup::classPath);
    command.addAll(List.of("-cp", cp, "it.vademecum.cli.Main", "serve", "--port", Integer.toString(port),
        "--dialogs", dialogs.toString()));
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(dataDir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().keySet().removeIf(k -> k.startsWith("MicrosoftApp") || k.equals("PORT"));
    pb.environment().put("DATA_DIR", dataDir.toString());
    long start = System.nanoTime();
    Process serve = pb.start();
    try {
      URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
      while (!healthy(health)) {
        if (!serve.isAlive()) {
          throw new IOException("serve exited with " + serve.exitValue() + " before it was ready");
        }
        if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS)) {
          throw new IOException("serve not ready after " + GIVE_UP_MS + " ms");
        }
        Thread.sleep(2);
      }
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    } finally {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly().waitFor();
      }
      Folders.delete(dataDir);
    }
  }

  /** This JVM's class path with absolute entries: serve runs in its own folder. */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(e -> Path.of(e).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean healthy(URI health) {
    try {
      HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
      c.setConnectTimeout(200);
      c.setReadTimeout(2000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
