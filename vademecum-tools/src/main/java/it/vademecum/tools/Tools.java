package it.vademecum.tools;

import it.vademecum.bench.BenchCommand;
import it.vademecum.cli.Main;
import it.vademecum.hardening.FloodCommand;
import it.vademecum.hardening.FuzzCommand;
import it.vademecum.soak.SoakCommand;
import it.vademecum.soak.SoakWorkerCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The entry point of target/vademecum-tools.jar: the measuring and hardening tools, which run the
 * product's own classes (in this jar too) against loopback connectors. Not shipped with the product.
 */
@Command(
    name = "vademecum-tools",
    mixinStandardHelpOptions = true,
    version = "Vademecum tools 0.1.0",
    description = "Benchmark, fuzzing, flooding and soak of Vademecum, against loopback connectors.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footer = "%nRun 'vademecum-tools COMMAND --help' for a command's options and their defaults.")
public final class Tools implements Runnable {

  @Spec
  CommandSpec spec;

  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      BenchCommand.class,
      FuzzCommand.class,
      FloodCommand.class,
      SoakCommand.class,
      SoakWorkerCommand.class);

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
  }

  static int run(PrintWriter out, PrintWriter err, String... args) {
    return Main.execute(new Tools(), COMMANDS, out, err, args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
