package it.vademecum.cli;

import it.vademecum.config.InvalidSettingException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The one entry point of target/vademecum.jar (the tools jar has its own, {@code it.vademecum.tools.Tools}). */
@Command(
    name = "vademecum",
    mixinStandardHelpOptions = true,
    version = "Vademecum 0.1.0",
    description = "Assistant for first-line PEC support agents, in Microsoft Teams and on the console.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footer = "%nRun 'vademecum COMMAND --help' for a command's options and their defaults.")
public final class Main implements Runnable {

  @Spec
  CommandSpec spec;

  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      ChatCommand.class,
      ServeCommand.class,
      PackageAppCommand.class,
      LintCommand.class,
      RenderCommand.class,
      CoverageCommand.class,
      VerificaCommand.class,
      EvalCommand.class,
      UnmatchedCommand.class,
      SuggestionsCommand.class,
      BackupCommand.class);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
  }

  /** Runs a command line, picocli's own output (help, usage errors) to {@code out} and {@code err}. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(new Main(), COMMANDS, out, err, args);
  }

  /**
   * Runs a command line against {@code top} (a picocli command) and its {@code commands}, picocli's
   * own output to {@code out} and {@code err}: the product's and the tools jar's entry points.
   */
  public static int execute(Object top, List<Class<?>> commands, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(top);
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    // Picocli builds the model of every subcommand it is given (a third of a second for all of
    // them): a known command gets only its own; anything else (help, a typo) gets them all.
    Optional<Class<?>> named = args.length == 0 ? Optional.empty()
        : commands.stream().filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst();
    if (named.isPresent()) {
      cli.addSubcommand(named.get());
    } else {
      commands.forEach(cli::addSubcommand);
    }
    // After the subcommands are added, so that they write there too.
    return cli.setOut(out).setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          // Only a setting's own error: any other exception is a bug, shown as one.
          if (e instanceof InvalidSettingException) {
            cmd.getErr().println("Invalid setting: " + e.getMessage());
            return 2;
          }
          throw e;
        })
        .execute(args);
  }

  @Override
  public void run() {
    // No command: the same list as --help, every command with one line.
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
