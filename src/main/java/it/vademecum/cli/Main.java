package it.vademecum.cli;

import it.vademecum.hardening.FloodCommand;
import it.vademecum.hardening.FuzzCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of target/vademecum.jar. */
@Command(
    name = "vademecum",
    mixinStandardHelpOptions = true,
    version = "Vademecum 0.1.0",
    description = "Assistant for first-line PEC support agents, in Microsoft Teams and on the console.",
    subcommands = {
        ChatCommand.class,
        ServeCommand.class,
        PackageAppCommand.class,
        LintCommand.class,
        RenderCommand.class,
        EvalCommand.class,
        UnmatchedCommand.class,
        FuzzCommand.class,
        FloodCommand.class,
        SoakCommand.class,
        SoakWorkerCommand.class,
        BenchCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            cmd.getErr().println("Impostazione non valida: " + e.getMessage());
            return 2;
          }
          throw e;
        })
        .execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
