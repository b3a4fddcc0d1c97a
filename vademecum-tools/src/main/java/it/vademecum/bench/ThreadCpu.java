package it.vademecum.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of this process split by what the threads do (agents, the connector, the bot's HTTP
 * server, its turns, its calls to the connector, statistics), from thread names; what no live
 * thread accounts for (garbage collection, JIT compilation, threads gone meanwhile) is "jvm". The
 * same split of the bytes the threads allocate.
 */
final class ThreadCpu {

  /** The parts, in print order; the name prefixes that belong to each. */
  static final Map<String, List<String>> PARTS = parts();

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /** CPU nanoseconds per part (and "jvm"), since the JVM started. */
  Map<String, Long> snapshot() {
    long[] ids = threads.getAllThreadIds();
    long[] cpu = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      cpu[i] = threads.getThreadCpuTime(ids[i]);
    }
    Map<String, Long> out = byPart(ids, cpu);
    long sum = out.values().stream().mapToLong(Long::longValue).sum();
    out.put("jvm", Math.max(0, processCpu() - sum));
    return out;
  }

  /**
   * Bytes allocated per part by the live threads since they started (the JVM's own threads
   * allocate nothing on the Java heap; threads gone meanwhile are not counted).
   */
  Map<String, Long> allocated() {
    long[] ids = threads.getAllThreadIds();
    return byPart(ids, ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(ids));
  }

  /** Each part's sum of the threads' values (a value below 0, or a thread gone: not counted), and "other". */
  private Map<String, Long> byPart(long[] ids, long[] values) {
    Map<String, Long> out = new LinkedHashMap<>();
    PARTS.keySet().forEach(p -> out.put(p, 0L));
    out.put("other", 0L);
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && values[i] >= 0) {
        out.merge(part(infos[i].getThreadName()), values[i], Long::sum);
      }
    }
    return out;
  }

  /** Milliseconds the garbage collectors have spent collecting since the JVM started (pauses, mostly). */
  static long gcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /** CPU nanoseconds of the whole process since it started. */
  static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static Map<String, Long> minus(Map<String, Long> end, Map<String, Long> start) {
    Map<String, Long> out = new LinkedHashMap<>();
    end.forEach((k, v) -> out.put(k, Math.max(0, v - start.getOrDefault(k, 0L))));
    return out;
  }

  static String part(String threadName) {
    for (Map.Entry<String, List<String>> e : PARTS.entrySet()) {
      for (String prefix : e.getValue()) {
        if (threadName.startsWith(prefix)) {
          return e.getKey();
        }
      }
    }
    return "other";
  }

  private static Map<String, List<String>> parts() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("agents", List.of("agent-"));
    m.put("connector", List.of("mini-connector"));
    m.put("http", List.of("JettyServerThreadPool"));
    m.put("turns", List.of("vademecum-turn"));
    m.put("sdk", List.of("Bot-", "ForkJoinPool"));
    m.put("replies", List.of("OkHttp", "connector-pacer"));
    m.put("stats", List.of("usage-", "H2 ", "MVStore", "H2-"));
    return Collections.unmodifiableMap(m);
  }
}
