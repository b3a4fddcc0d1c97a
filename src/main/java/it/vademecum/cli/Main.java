package it.vademecum.cli;

import it.vademecum.hardening.FloodCommand;
import it.vademecum.hardening.FuzzCommand;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of target/vademecum.jar. */
@Command(
    name = "vademecum",
    mixinStandardHelpOptions = true,
    version = "Vademecum 0.1.0",
    description = "Assistant for first-line PEC support agents, in Microsoft Teams and on the console.")
public final class Main implements Runnable {

  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      ChatCommand.class,
      ServeCommand.class,
      PackageAppCommand.class,
      LintCommand.class,
      RenderCommand.class,
      EvalCommand.class,
      UnmatchedCommand.class,
      SuggestionsCommand.class,
      FuzzCommand.class,
      FloodCommand.class,
      SoakCommand.class,
      SoakWorkerCommand.class,
      BenchCommand.class);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    // Picocli builds the model of every subcommand it is given (a third of a second for all of
    // them): a known command gets only its own; anything else (help, a typo) gets them all.
    Optional<Class<?>> named = args.length == 0 ? Optional.empty()
        : COMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst();
    if (named.isPresent()) {
      cli.addSubcommand(named.get());
    } else {
      COMMANDS.forEach(cli::addSubcommand);
    }
    return cli
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
