package it.vademecum.cli;

import it.vademecum.backup.BackupClient;
import it.vademecum.backup.StoreBackup;
import it.vademecum.config.TypedSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Copies the embedded stores of DATA_DIR to a folder, one zip each, the server running or not. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Copy the embedded stores to a folder, one zip each.",
        "The stores are usage, escalations and shift under DATA_DIR; a running serve takes the copies itself."})
final class BackupCommand implements Callable<Integer> {

  @Option(names = "--to", paramLabel = "DIR", required = true,
      description = "Folder for the copies (created; an existing zip is never overwritten).")
  Path to;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: DATA_DIR or data).")
  Path data;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    Path dir = (data != null ? data : TypedSettings.load().server().dataDir()).toAbsolutePath().normalize();
    List<String> stores = StoreBackup.stores(dir);
    if (stores.isEmpty()) {
      err.println("No stores (*.mv.db) in " + dir + "; DATA_DIR or --data sets the folder.");
      return 1;
    }
    List<StoreBackup.Result> results = new ArrayList<>();
    List<String> inUse = new ArrayList<>();
    for (String store : stores) {
      StoreBackup.Result r = StoreBackup.copy(dir, store, to);
      if (r.outcome() == StoreBackup.Outcome.IN_USE) {
        inUse.add(store);
      } else {
        results.add(r);
      }
    }
    if (!inUse.isEmpty()) {
      try {
        results.addAll(BackupClient.copy(dir, inUse, to));
      } catch (BackupClient.Unreachable e) {
        err.println("backup: " + e.getMessage());
        inUse.forEach(s -> results.add(new StoreBackup.Result(s, to, StoreBackup.Outcome.IN_USE, "")));
      }
    }
    results.forEach(r -> (r.outcome() == StoreBackup.Outcome.COPIED ? out : err).println(r.line()));
    boolean all = results.stream().allMatch(r -> r.outcome() == StoreBackup.Outcome.COPIED);
    return all ? 0 : 1;
  }
}
