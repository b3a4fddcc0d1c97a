package it.vademecum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The bench's split of CPU time by what threads do. */
class ThreadCpuTest {

  @Test
  void namesThreadsByWhatTheyDo() {
    assertEquals("agents", ThreadCpu.part("agent-17"));
    assertEquals("connector", ThreadCpu.part("mini-connector-42"));
    assertEquals("http", ThreadCpu.part("JettyServerThreadPool-3"));
    assertEquals("turns", ThreadCpu.part("vademecum-turn"));
    assertEquals("sdk", ThreadCpu.part("ForkJoinPool.commonPool-worker-1"));
    assertEquals("replies", ThreadCpu.part("OkHttp Dispatcher"));
    assertEquals("stats", ThreadCpu.part("usage-writer"));
    assertEquals("other", ThreadCpu.part("main"));
  }

  @Test
  void aBusyThreadsCpuShowsUpInItsPartAndNothingIsNegative() throws Exception {
    ThreadCpu cpu = new ThreadCpu();
    Map<String, Long> before = cpu.snapshot();
    Map<String, Long> during = whileAliveAfter("agent-busy", () -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long start = threads.getCurrentThreadCpuTime();
      while (threads.getCurrentThreadCpuTime() - start < 60_000_000L) {
        Thread.onSpinWait();
      }
    }, cpu::snapshot);
    Map<String, Long> delta = ThreadCpu.minus(during, before);
    assertTrue(delta.get("agents") >= 60_000_000L, "the busy agent thread's 60 ms of CPU: " + delta);
    delta.values().forEach(v -> assertTrue(v >= 0, delta.toString()));
    assertTrue(delta.containsKey("jvm"), delta.toString());
  }

  @Test
  void whatAThreadAllocatesShowsUpInItsPart() throws Exception {
    ThreadCpu cpu = new ThreadCpu();
    Map<String, Long> before = cpu.allocated();
    long[] kept = new long[1];
    Map<String, Long> during = whileAliveAfter("vademecum-turn-alloc", () -> {
      for (int i = 0; i < 64; i++) {
        kept[0] += new byte[256 * 1024].length;
      }
    }, cpu::allocated);
    Map<String, Long> delta = ThreadCpu.minus(during, before);
    assertEquals(16L * 1024 * 1024, kept[0]);
    assertTrue(delta.get("turns") >= 16L * 1024 * 1024, "the turn thread's 16 MB: " + delta);
    assertTrue(delta.get("agents") < 16L * 1024 * 1024, delta.toString());
  }

  /**
   * Runs {@code work} on a thread of that name, then measures while the thread is still alive
   * (a thread gone is not counted), then lets it end.
   */
  private static <T> T whileAliveAfter(String name, Runnable work, Callable<T> measure) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    Thread thread = new Thread(() -> {
      work.run();
      done.countDown();
      try {
        measured.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name);
    thread.start();
    done.await();
    try {
      return measure.call();
    } finally {
      measured.countDown();
      thread.join();
    }
  }
}
