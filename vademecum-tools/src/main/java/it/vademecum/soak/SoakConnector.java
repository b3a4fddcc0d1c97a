package it.vademecum.soak;

import it.vademecum.engine.ActionCodec;
import it.vademecum.engine.Action;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Teams connector on loopback for the soak: {@code POST /v3/conversations} fails a share
 * of calls, in every way the sender must survive (503, 500, 502, 504, 412, 429 with Retry-After,
 * a post processed whose answer is lost, a request dropped unprocessed). It counts the cards it
 * processed per escalation: the channel's ground truth.
 */
final class SoakConnector implements AutoCloseable {

  /** The take button's value in a posted card, its id the escalation's (the value as the codec writes it). */
  private static final Pattern TAKE = Pattern.compile(
      Pattern.quote(ActionCodec.encode(new Action.Take(0)).replaceAll("0$", "")) + "(\\d+)");

  /** One card in the channel. */
  record Card(String conversationId, String activityId) {}

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "soak-connector");
    t.setDaemon(true);
    return t;
  });
  private final Random random;
  private final double failureRate;
  private final Map<Long, java.util.List<Card>> cards = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(1_000_000);
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  /** What the bot wrote in each conversation other than the channel (the agents' chats), as posted. */
  private final Map<String, java.util.Queue<String>> chats = new ConcurrentHashMap<>();
  private final java.util.Queue<Long> arrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();

  SoakConnector(double failureRate, long seed) throws IOException {
    this.failureRate = failureRate;
    this.random = new Random(seed);
    this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  String serviceUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/soak";
  }

  Map<Long, java.util.List<Card>> cards() {
    return cards;
  }

  /** What the bot wrote in {@code conversation} since the last call, now forgotten. */
  java.util.List<String> takeChat(String conversation) {
    java.util.Queue<String> q = chats.get(conversation);
    java.util.List<String> got = new java.util.ArrayList<>();
    for (String m = q == null ? null : q.poll(); m != null; m = q.poll()) {
      got.add(m);
    }
    return got;
  }

  /** The most connector calls (channel posts and, with serve, the agents' replies) that arrived within any one second. */
  int maxPerSecond() {
    long[] at = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
    int most = 0;
    int j = 0;
    for (int i = 0; i < at.length; i++) {
      while (j < at.length && at[j] - at[i] < 1_000_000_000L) {
        j++;
      }
      most = Math.max(most, j - i);
    }
    return most;
  }

  int cardCount() {
    return cards.values().stream().mapToInt(java.util.List::size).sum();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        int length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          int colon = h.indexOf(':');
          if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
            length = Integer.parseInt(h.substring(colon + 1).trim());
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (requestLine.startsWith("POST /soak/v3/conversations/") || requestLine.startsWith("PUT /soak/v3/conversations/")) {
          // A message to an agent (a reply in its chat) or a card update: always processed.
          arrivals.add(System.nanoTime());
          String conversation = URLDecoder.decode(requestLine.split(" ")[1].split("/")[4], StandardCharsets.UTF_8);
          chats.computeIfAbsent(conversation, k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(body);
          respond(out, 200, "{\"id\":\"m" + ids.incrementAndGet() + "\"}", null);
          continue;
        }
        if (!requestLine.startsWith("POST /soak/v3/conversations ")) {
          respond(out, 404, "{}", null);
          continue;
        }
        calls.incrementAndGet();
        arrivals.add(System.nanoTime());
        String fate = fate();
        if (!"ok".equals(fate)) {
          failed.incrementAndGet();
          failures.computeIfAbsent(fate, k -> new AtomicInteger()).incrementAndGet();
        }
        switch (fate) {
          case "ok" -> {
            Card c = record(body);
            respond(out, 201, "{\"id\":\"" + c.conversationId() + "\",\"activityId\":\"" + c.activityId() + "\"}", null);
          }
          case "lost-answer" -> {
            record(body);
            return; // processed, then the connection drops before the answer
          }
          case "dropped" -> {
            return; // never processed
          }
          case "429" -> respond(out, 429, "{}", "1");
          default -> respond(out, Integer.parseInt(fate), "{}", null);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  /** 30 % of calls fail by default: mostly 5xx, some 412 and 429, a few with the outcome unknown. */
  private synchronized String fate() {
    double r = random.nextDouble();
    if (r >= failureRate) {
      return "ok";
    }
    double share = r / failureRate; // 0..1 within the failures
    if (share < 0.30) {
      return "503";
    } else if (share < 0.47) {
      return "500";
    } else if (share < 0.60) {
      return "502";
    } else if (share < 0.70) {
      return "504";
    } else if (share < 0.80) {
      return "412";
    } else if (share < 0.835) {
      return "429";
    } else if (share < 0.93) {
      return "lost-answer";
    }
    return "dropped";
  }

  private Card record(String body) {
    Matcher m = TAKE.matcher(body);
    long id = m.find() ? Long.parseLong(m.group(1)) : -1;
    String activity = String.valueOf(ids.incrementAndGet());
    Card c = new Card("19:soak@thread.tacv2;messageid=" + activity, activity);
    cards.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(c);
    return c;
  }

  private static void respond(OutputStream out, int status, String body, String retryAfter) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + (status < 300 ? "OK" : "Error") + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
        + (retryAfter == null ? "" : "Retry-After: " + retryAfter + "\r\n") + "\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
