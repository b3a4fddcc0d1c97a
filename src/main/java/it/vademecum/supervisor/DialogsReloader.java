package it.vademecum.supervisor;

import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Problem;
import it.vademecum.dialog.Topic;
import it.vademecum.engine.Engine;
import it.vademecum.engine.EngineLoader;
import it.vademecum.match.Examples;
import it.vademecum.shift.ShiftRules;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialogs/ in use, reloadable: {@link #reload()} on a supervisor's «ricarica», and by itself
 * when a .json file under the folder (or its config/) or the classifier's examples.jsonl changes, once {@link #watch} is on. A broken
 * edit keeps the last good version for everyone and reports every problem. It is the engine
 * supplier of the assistant and the Teams server; agents whose node disappeared are restarted by
 * the engine with a notice.
 */
public final class DialogsReloader implements Supplier<Engine>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DialogsReloader.class);

  /** A good version of dialogs/: the engine and the shift rules read from it. */
  public record Loaded(Engine engine, ShiftRules shift) {
    public String version() {
      return engine.catalog().version();
    }
  }

  /**
   * What a reload did.
   *
   * @param current the version in use afterwards (the previous one when the edit is broken)
   * @param previous the version in use before
   * @param problems every problem of the edit; empty when it was loaded
   */
  public record Result(Loaded current, Loaded previous, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Path dir;
  private final EngineLoader loader = new EngineLoader();
  private final List<Consumer<Result>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Result>> everyReload = new CopyOnWriteArrayList<>();
  private volatile Loaded current;
  private volatile List<Problem> lastProblems = List.of();
  private volatile WatchService watcher;
  private Thread watchThread;

  private DialogsReloader(Path dir, Loaded first) {
    this.dir = dir;
    this.current = first;
  }

  /** Loads dialogs/ for the first time; throws with every problem when it is not clean. */
  public static DialogsReloader load(Path dir) throws InvalidCatalogException {
    DialogsReloader r = new DialogsReloader(dir, null);
    r.current = r.loadAll();
    return r;
  }

  /** Starts from an engine already loaded from {@code dir} (tests share one); reloads read {@code dir}. */
  static DialogsReloader startingWith(Path dir, Engine engine) throws InvalidCatalogException {
    return new DialogsReloader(dir, new Loaded(engine, ShiftRules.load(dir, engine.catalog())));
  }

  private Loaded loadAll() throws InvalidCatalogException {
    Engine engine = loader.load(dir);
    return new Loaded(engine, ShiftRules.load(dir, engine.catalog()));
  }

  @Override
  public Engine get() {
    return current.engine();
  }

  public ShiftRules shift() {
    return current.shift();
  }

  public Loaded current() {
    return current;
  }

  public Path dir() {
    return dir;
  }

  /** The problems of the last reload that failed, until one succeeds; empty when the last one did. */
  public List<Problem> lastProblems() {
    return lastProblems;
  }

  /** Loads dialogs/ again now: the new version when clean, else the last good one stays. */
  public Result reload() {
    Result r = reloadNow();
    for (Consumer<Result> l : everyReload) {
      try {
        l.accept(r);
      } catch (RuntimeException e) {
        LOG.warn("a reload listener failed", e);
      }
    }
    return r;
  }

  /** Called after every reload, whoever asked for it (the watcher, «ricarica», another instance). */
  public void onReload(Consumer<Result> listener) {
    everyReload.add(Objects.requireNonNull(listener));
  }

  private synchronized Result reloadNow() {
    Loaded before = current;
    try {
      Loaded next = loadAll();
      current = next;
      lastProblems = List.of();
      LOG.info("dialogs reloaded: version {} ({} topics, was {})", next.version(),
          next.engine().catalog().list().size(), before.version());
      return new Result(next, before, List.of());
    } catch (InvalidCatalogException e) {
      lastProblems = e.problems();
      LOG.warn("dialogs not reloaded, version {} stays: {} problem(s)\n{}", before.version(), e.problems().size(),
          e.getMessage());
      return new Result(before, before, e.problems());
    } catch (RuntimeException e) {
      lastProblems = List.of(new Problem(dir.toString(), "", "caricamento non riuscito: " + e));
      LOG.warn("dialogs not reloaded, version {} stays", before.version(), e);
      return new Result(before, before, lastProblems);
    }
  }

  /** Called after each reload the watcher made by itself (not after {@link #reload()} called directly). */
  public void onAutomaticReload(Consumer<Result> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /**
   * Watches dialogs/ and dialogs/config/ and reloads when a .json file changes, once the changes
   * stopped for {@code quiet} (editors write in bursts).
   */
  public synchronized void watch(Duration quiet) throws IOException {
    if (watcher != null) {
      return;
    }
    WatchService ws = FileSystems.getDefault().newWatchService();
    register(ws, dir);
    Path config = dir.resolve("config");
    if (Files.isDirectory(config)) {
      register(ws, config);
    }
    watcher = ws;
    watchThread = new Thread(() -> loop(ws, quiet), "dialogs-watcher");
    watchThread.setDaemon(true);
    watchThread.start();
    LOG.info("watching {} for changes", dir.toAbsolutePath());
  }

  private static void register(WatchService ws, Path p) throws IOException {
    p.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
  }

  private void loop(WatchService ws, Duration quiet) {
    try {
      while (true) {
        WatchKey key = ws.take();
        boolean relevant = drain(key);
        WatchKey more;
        while ((more = ws.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(more);
        }
        if (relevant) {
          Result r = reload();
          for (Consumer<Result> l : listeners) {
            try {
              l.accept(r);
            } catch (RuntimeException e) {
              LOG.warn("a reload listener failed", e);
            }
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean drain(WatchKey key) {
    boolean relevant = false;
    for (WatchEvent<?> ev : key.pollEvents()) {
      Object ctx = ev.context();
      relevant |= ev.kind() == StandardWatchEventKinds.OVERFLOW
          || (ctx instanceof Path p && (p.getFileName().toString().endsWith(".json")
              || p.getFileName().toString().equals(Examples.FILE)));
    }
    key.reset();
    return relevant;
  }

  /** Topics added, removed and changed from {@code before} to {@code after}. */
  public static Map<String, List<String>> changes(Loaded before, Loaded after) {
    Map<String, Topic> a = before.engine().catalog().topics();
    Map<String, Topic> b = after.engine().catalog().topics();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    b.forEach((id, t) -> {
      if (!a.containsKey(id)) {
        added.add(id);
      } else if (!a.get(id).equals(t)) {
        changed.add(id);
      }
    });
    a.keySet().stream().filter(id -> !b.containsKey(id)).forEach(removed::add);
    return Map.of("added", added, "removed", removed, "changed", changed);
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.debug("closing the watcher", e);
      }
      watchThread.interrupt();
      watcher = null;
    }
  }
}
