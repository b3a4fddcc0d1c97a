package it.vademecum.usage;

import it.vademecum.match.Ranking;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records off the agent's turn: a bounded queue drained by one writer thread, so a turn never
 * waits for the database. When the queue is full a record is dropped and counted (statistics are
 * worth less than an agent's latency). Queries first wait for the records already queued, so what
 * was recorded is what is read; close drains the queue before closing the store.
 */
public final class AsyncUsageLog implements UsageLog {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncUsageLog.class);

  private final UsageLog store;
  private final ThreadPoolExecutor writer;
  private final AtomicLong dropped = new AtomicLong();

  public AsyncUsageLog(UsageLog store, int capacity) {
    this.store = store;
    this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
      Thread t = new Thread(r, "usage-writer");
      t.setDaemon(true);
      return t;
    }, (task, pool) -> {
      if (dropped.incrementAndGet() % 1_000 == 1) {
        LOG.warn("usage queue full: {} records dropped so far", dropped.get());
      }
    });
  }

  /** Records dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void recordSearch(String agentId, String text, Ranking ranking) {
    writer.execute(() -> store.recordSearch(agentId, text, ranking));
  }

  @Override
  public void recordPick(String agentId, String topicId, String text) {
    writer.execute(() -> store.recordPick(agentId, topicId, text));
  }

  @Override
  public void recordAnswer(String agentId, String topicId, String nodeId) {
    writer.execute(() -> store.recordAnswer(agentId, topicId, nodeId));
  }

  @Override
  public void recordFeedback(String agentId, String topicId, String nodeId, boolean up, String reason) {
    writer.execute(() -> store.recordFeedback(agentId, topicId, nodeId, up, reason));
  }

  /** Waits until every record queued before this call is written. */
  public void flush() {
    if (writer.isShutdown()) {
      return;
    }
    try {
      writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException
        | java.util.concurrent.RejectedExecutionException e) {
      LOG.warn("usage flush incomplete: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public List<UnmatchedSentence> unmatched(Instant since, int limit) {
    flush();
    return store.unmatched(since, limit);
  }

  @Override
  public List<PickCount> picks(Instant since, int limit) {
    flush();
    return store.picks(since, limit);
  }

  @Override
  public List<TopicCount> topicsStarted(Instant since, int limit) {
    flush();
    return store.topicsStarted(since, limit);
  }

  @Override
  public List<TopicCount> answersByTopic(Instant since, int limit) {
    flush();
    return store.answersByTopic(since, limit);
  }

  @Override
  public SearchOutcomes searchOutcomes(Instant since) {
    flush();
    return store.searchOutcomes(since);
  }

  @Override
  public List<FeedbackCount> feedback(Instant since) {
    flush();
    return store.feedback(since);
  }

  @Override
  public List<FeedbackReason> feedbackReasons(Instant since, int limit) {
    flush();
    return store.feedbackReasons(since, limit);
  }

  @Override
  public List<HourCount> busiestHours(Instant since) {
    flush();
    return store.busiestHours(since);
  }

  @Override
  public int purge() {
    flush();
    return store.purge();
  }

  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("usage writer did not drain in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
