package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A slow-loris attack on loopback: hundreds of connections sending their body a byte a second.
 * Before authentication nothing may hold the server's threads: a request without a token is
 * refused before its body is read, bodies are read a bounded number at a time and each within a
 * deadline, so /healthz and a POST without a token answer at once during the attack.
 */
class SlowClientsTest {

  private static final int CONNECTIONS = 300;

  private static String head(int port, String authorization, int length) {
    return "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
        + "Content-Length: " + length + "\r\n\r\n";
  }

  @Test
  void healthAndUnauthenticatedPostsAnswerWithinASecondDuringASlowLoris() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
    try (OpenIdServer openId = new OpenIdServer(); BotUnderTest bot = new BotUnderTest(OpenIdServer.APP_ID, null)) {
      int port = bot.server.port();
      // A token that looks like one (three base64url parts) gets its body read: that is the attack.
      for (int i = 0; i < CONNECTIONS; i++) {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write(head(port, "Bearer aaaa.bbbb.cccc", 4000).getBytes(StandardCharsets.US_ASCII));
        sockets.add(s);
      }
      CountDownLatch dripped = new CountDownLatch(2);
      dripper.scheduleAtFixedRate(() -> {
        for (Socket s : sockets) {
          try {
            OutputStream out = s.getOutputStream();
            out.write('{');
            out.flush();
          } catch (IOException e) {
            // cut by the server: that is allowed
          }
        }
        dripped.countDown();
      }, 0, 1, TimeUnit.SECONDS);
      assertTrue(dripped.await(10, TimeUnit.SECONDS));

      OkHttpClient http = new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).build();
      long t0 = System.nanoTime();
      try (Response r = http.newCall(new Request.Builder().url(bot.url("/healthz")).build()).execute()) {
        assertEquals(200, r.code());
      }
      long healthMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      long t1 = System.nanoTime();
      try (Response r = http.newCall(new Request.Builder().url(bot.url("/api/messages"))
          .post(RequestBody.create(bot.message("ciao").toString(), MediaType.get("application/json"))).build())
          .execute()) {
        assertEquals(401, r.code());
      }
      long postMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
      System.out.println("slow-loris " + CONNECTIONS + " connections: healthz " + healthMs + " ms, post without token "
          + postMs + " ms");
      assertTrue(healthMs < 1000, "healthz took " + healthMs + " ms");
      assertTrue(postMs < 1000, "401 took " + postMs + " ms");
    } finally {
      dripper.shutdownNow();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void aBodyThatDoesNotArriveWithinItsDeadlineHasItsConnectionCut() throws Exception {
    try (BotUnderTest bot = new BotUnderTest(null, null)) {
      bot.server.bodyReads(8, Duration.ofMillis(500));
      int port = bot.server.port();
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(5000);
        s.getOutputStream().write((head(port, null, 4000) + "{\"type\":").getBytes(StandardCharsets.US_ASCII));
        long t0 = System.nanoTime();
        InputStream in = s.getInputStream();
        try {
          while (in.read() >= 0) {
            // whatever the server says before it closes
          }
        } catch (SocketTimeoutException e) {
          throw new AssertionError("the connection was still open after 5 s", e);
        } catch (IOException e) {
          // reset: cut as well
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3000, "cut after " + ms + " ms");
      }
      assertEquals(200, bot.post(bot.message("ciao")).status(), "the next request is answered");
    }
  }

  @Test
  void aPostWithoutAWellFormedBearerTokenIs401BeforeItsBodyIsRead() throws Exception {
    try (OpenIdServer openId = new OpenIdServer(); BotUnderTest bot = new BotUnderTest(OpenIdServer.APP_ID, null)) {
      int port = bot.server.port();
      for (String auth : new String[] {null, "Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-jwt", "bearer a.b"}) {
        try (Socket s = new Socket("127.0.0.1", port)) {
          s.setSoTimeout(3000);
          // One byte of the body, and the rest never comes: the answer must not wait for it. (Jetty
          // dispatches a request once some content is there.)
          s.getOutputStream().write((head(port, auth, 4000) + "{").getBytes(StandardCharsets.US_ASCII));
          String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
          assertEquals("HTTP/1.1 401", status, String.valueOf(auth));
        }
      }
    }
  }
}
