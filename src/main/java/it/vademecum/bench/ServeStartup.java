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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Time to ready as a deployment sees it: from launching {@code serve} in a JVM of its own (the same
 * java and class path as this one, a fresh DATA_DIR, local mode) to {@code /healthz} answering 200,
 * which it does only once every dialog is loaded and the bot is in place.
 */
final class ServeStartup {

  private static final long GIVE_UP_MS = 60_000;

  private ServeStartup() {}

  /** Milliseconds to ready for each start, in order. */
  static List<Long> measure(Path dialogs, int starts) throws IOException, InterruptedException {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      out.add(once(dialogs.toAbsolutePath()));
    }
    return out;
  }

  private static long once(Path dialogs) throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("vademecum-start");
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath(),
        "it.vademecum.cli.Main", "serve", "--port", Integer.toString(port), "--dialogs", dialogs.toString())
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
      delete(dataDir);
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

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
