package it.vademecum.hardening;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A slow-loris attack on a rig, on loopback: connections that send a POST's headers and then its
 * body a byte a second, while /healthz and an agent's message are timed every 200 ms. Bounded:
 * the connections are closed at the end of the run.
 */
final class SlowLoris {

  /** What a run measured (milliseconds). */
  record Figures(int connections, int seconds, int cut, long healthP50, long healthMax, int healthNot200,
      long messageP50, long messageMax, int messageNot200) {

    boolean passed() {
      return healthMax < 1_000 && messageMax < 3_000 && healthNot200 == 0 && messageNot200 == 0;
    }

    String lastLine() {
      return String.format(Locale.ROOT, "slowloris connections=%d seconds=%d cut=%d healthz_p50_ms=%d healthz_max_ms=%d "
          + "healthz_not_200=%d message_p50_ms=%d message_max_ms=%d message_not_200=%d", connections, seconds, cut,
          healthP50, healthMax, healthNot200, messageP50, messageMax, messageNot200);
    }
  }

  private SlowLoris() {}

  static Figures run(Rig rig, int connections, int seconds) throws IOException, InterruptedException {
    List<Socket> sockets = new ArrayList<>();
    AtomicInteger cut = new AtomicInteger();
    ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
    List<Long> health = Collections.synchronizedList(new ArrayList<>());
    List<Long> message = Collections.synchronizedList(new ArrayList<>());
    int healthNot200 = 0;
    int messageNot200 = 0;
    try {
      String head = "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:" + rig.port() + "\r\nContent-Type: application/json"
          + "\r\nAuthorization: Bearer aaaa.bbbb.cccc\r\nContent-Length: 100000\r\n\r\n{";
      for (int i = 0; i < connections; i++) {
        Socket s = new Socket("127.0.0.1", rig.port());
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        sockets.add(s);
      }
      boolean[] gone = new boolean[connections];
      dripper.scheduleAtFixedRate(() -> {
        for (int i = 0; i < sockets.size(); i++) {
          if (gone[i]) {
            continue;
          }
          try {
            OutputStream out = sockets.get(i).getOutputStream();
            out.write(' ');
            out.flush();
          } catch (IOException e) {
            gone[i] = true;
            cut.incrementAndGet();
          }
        }
      }, 1, 1, TimeUnit.SECONDS);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      int n = 0;
      while (System.nanoTime() < end) {
        long t0 = System.nanoTime();
        try (Response r = http.newCall(new Request.Builder().url(rig.healthUrl()).build()).execute()) {
          healthNot200 += r.code() == 200 ? 0 : 1;
        } catch (IOException e) {
          healthNot200++;
        }
        health.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        long t1 = System.nanoTime();
        int status = rig.post(rig.message("slowloris-probe-" + (n++ % 5), "aiuto"));
        messageNot200 += status == 200 ? 0 : 1;
        message.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));
        Thread.sleep(200);
      }
    } finally {
      dripper.shutdownNow();
      for (Socket s : sockets) {
        s.close();
      }
    }
    return new Figures(connections, seconds, cut.get(), FloodCommand.percentile(health, 50), max(health),
        healthNot200, FloodCommand.percentile(message, 50), max(message), messageNot200);
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
