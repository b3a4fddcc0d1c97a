package it.vademecum.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records off the agent's turn: a bounded queue drained by one writer thread, which gathers what
 * arrives within {@link #WINDOW_NANOS} of the first record and writes it as one batch (one
 * transaction in H2), so a turn never waits for the database and a busy hour costs one commit per
 * batch rather than per record. When the queue is full a record is dropped and counted
 * (statistics are worth less than an agent's latency). Queries first wait for the records already
 * queued, so what was recorded is what is read; close drains the queue before closing the store.
 */
public final class AsyncUsageLog implements UsageLog {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncUsageLog.class);
  private static final int BATCH = 256;
  /**
   * How long the writer gathers records after the first one before writing them as one batch.
   * Woken by every record, it used to commit a few records at a time even at hundreds of turns a
   * second; a flush or close does not wait for the window.
   */
  static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final UsageLog store;
  private final BlockingQueue<Runnable> queue;
  private final Thread writer;
  private final AtomicLong dropped = new AtomicLong();
  /** Flushes and closes queued and not yet released: the writer writes at once while any waits. */
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile boolean closing;

  public AsyncUsageLog(UsageLog store, int capacity) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::drain, "usage-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Records dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  private void enqueue(Runnable record) {
    if (closing || !queue.offer(record)) {
      if (dropped.incrementAndGet() % 1_000 == 1) {
        LOG.warn("usage queue full: {} records dropped so far", dropped.get());
      }
    }
  }

  private void drain() {
    List<Runnable> taken = new ArrayList<>(BATCH);
    while (true) {
      try {
        taken.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      long until = System.nanoTime() + WINDOW_NANOS;
      while (waiting.get() == 0 && queue.size() < BATCH - 1) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          break;
        }
        LockSupport.parkNanos(this, left);
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
      }
      queue.drainTo(taken, BATCH - 1);
      List<Runnable> records = new ArrayList<>(taken.size());
      List<Marker> markers = new ArrayList<>();
      for (Runnable r : taken) {
        if (r instanceof Marker m) {
          markers.add(m);
        } else {
          records.add(r);
        }
      }
      store.batch(() -> records.forEach(Runnable::run));
      taken.clear();
      // Only now is the batch committed: what was queued before a flush is readable.
      markers.forEach(m -> {
        m.release();
        waiting.decrementAndGet();
      });
      if (markers.stream().anyMatch(Marker::stop)) {
        return;
      }
    }
  }

  /** Queues a flush or the end, and wakes the writer so it does not wait out its window. */
  private boolean offerUrgent(Marker marker) throws InterruptedException {
    waiting.incrementAndGet();
    if (!queue.offer(marker, 30, TimeUnit.SECONDS)) {
      waiting.decrementAndGet();
      return false;
    }
    LockSupport.unpark(writer);
    return true;
  }

  /** Not a record: a flush waiting for the records before it, or the end of the queue. */
  private record Marker(CountDownLatch written, boolean stop) implements Runnable {
    @Override
    public void run() {
      release();
    }

    void release() {
      written.countDown();
    }
  }

  @Override
  public void recordSearch(String agentId, String text, Search search) {
    enqueue(() -> store.recordSearch(agentId, text, search));
  }

  @Override
  public void recordPick(String agentId, String topicId, String text) {
    enqueue(() -> store.recordPick(agentId, topicId, text));
  }

  @Override
  public void recordSuggestion(String agentId, String topicId, String text) {
    enqueue(() -> store.recordSuggestion(agentId, topicId, text));
  }

  @Override
  public List<Suggestion> openSuggestions(int perTopic) {
    return read(() -> store.openSuggestions(perTopic));
  }

  @Override
  public java.util.Optional<Suggestion> suggestion(long id) {
    return read(() -> store.suggestion(id));
  }

  @Override
  public boolean decideSuggestion(long id, boolean accepted, String decidedBy) {
    return read(() -> store.decideSuggestion(id, accepted, decidedBy));
  }

  @Override
  public void recordAnswer(String agentId, String topicId, String nodeId) {
    enqueue(() -> store.recordAnswer(agentId, topicId, nodeId));
  }

  @Override
  public void recordFeedback(String agentId, String topicId, String nodeId, boolean up, String reason) {
    enqueue(() -> store.recordFeedback(agentId, topicId, nodeId, up, reason));
  }

  /** A query, after the records queued before it are written. */
  private <T> T read(java.util.function.Supplier<T> query) {
    flush();
    return query.get();
  }

  /** Waits until every record queued before this call is written. */
  public void flush() {
    Marker flush = new Marker(new CountDownLatch(1), false);
    try {
      if (closing || !offerUrgent(flush) || !flush.written().await(30, TimeUnit.SECONDS)) {
        LOG.warn("usage flush incomplete");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public List<UnmatchedSentence> unmatched(Instant from, Instant to, int limit) {
    return read(() -> store.unmatched(from, to, limit));
  }

  @Override
  public List<PickCount> picks(Instant since, int limit) {
    return read(() -> store.picks(since, limit));
  }

  @Override
  public List<TopicCount> topicsStarted(Instant from, Instant to, int limit) {
    return read(() -> store.topicsStarted(from, to, limit));
  }

  @Override
  public List<TopicCount> answersByTopic(Instant since, int limit) {
    return read(() -> store.answersByTopic(since, limit));
  }

  @Override
  public SearchOutcomes searchOutcomes(Instant from, Instant to) {
    return read(() -> store.searchOutcomes(from, to));
  }

  @Override
  public List<FeedbackCount> feedback(Instant from, Instant to) {
    return read(() -> store.feedback(from, to));
  }

  @Override
  public List<FeedbackReason> feedbackReasons(Instant from, Instant to, int limit) {
    return read(() -> store.feedbackReasons(from, to, limit));
  }

  @Override
  public List<HourCount> busiestHours(Instant from, Instant to) {
    return read(() -> store.busiestHours(from, to));
  }

  @Override
  public int purge(Instant cutoff) {
    return read(() -> store.purge(cutoff));
  }

  @Override
  public void close() {
    if (!closing) {
      closing = true;
      try {
        if (!offerUrgent(new Marker(new CountDownLatch(1), true))) {
          LOG.warn("usage queue still full at close");
        }
        writer.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (writer.isAlive()) {
        LOG.warn("usage writer did not drain in time");
        writer.interrupt();
      }
    }
    store.close();
  }
}
