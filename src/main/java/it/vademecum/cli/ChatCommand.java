package it.vademecum.cli;

import it.vademecum.assistant.Agent;
import it.vademecum.assistant.Assistant;
import it.vademecum.assistant.EscalationSink;
import it.vademecum.config.LogConfigurator;
import it.vademecum.config.TypedSettings;
import it.vademecum.engine.Engine;
import it.vademecum.engine.Input;
import it.vademecum.engine.Reply;
import it.vademecum.session.CaffeineSessionStore;
import it.vademecum.supervisor.DialogsReloader;
import it.vademecum.supervisor.Supervision;
import it.vademecum.store.RetentionJob;
import it.vademecum.usage.UsageLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The engine on the console. Interactive on a terminal; with piped input it reads one message a
 * line, prints each reply and exits 0 at end of input. A number answers the numbered choices.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Chat with Vademecum on the console.")
final class ChatCommand implements Callable<Integer> {

  private static final String AGENT = "console";

  @Option(names = "--name", paramLabel = "NOME", description = "Your name, for @nome@ in the phrases.")
  String name;

  @Option(names = "--at", paramLabel = "YYYY-MM-DDTHH:MM",
      description = "Fix the clock at this Europe/Rome time, to try a time-dependent branch.")
  String at;

  @Mixin
  DialogsOption dialogs;

  /** What ends the chat, typed alone on a line (Ctrl-D, the end of input, too). */
  static final List<String> LEAVE_WORDS = List.of("esci", "exit", "quit");

  /** How to leave, shown with the welcome and after «aiuto». */
  static final String HOW_TO_LEAVE = "Per uscire scrivi «esci» oppure premi Ctrl-D.";

  @Override
  public Integer call() throws IOException {
    // The console is for the conversation: Vademecum's own INFO lines (stores opening) stay out of it.
    LogConfigurator.quietUnlessLevelSet();
    TypedSettings settings = TypedSettings.load();
    // The dialogs first: a wrong folder stops the chat before any store is created.
    Optional<DialogsReloader> loaded = dialogs.reloader(settings, System.err);
    if (loaded.isEmpty()) {
      return 1;
    }
    // And the clock: a wrong --at stops the chat before any store is opened.
    Clock clock;
    try {
      ZoneId zone = loaded.get().get().catalog().calendar().zone();
      clock = at == null ? Clock.systemUTC() : Clock.fixed(LocalDateTime.parse(at).atZone(zone).toInstant(), zone);
    } catch (DateTimeParseException e) {
      loaded.get().close();
      System.err.println("--at wants a date and time such as 2026-12-05T10:15, not '" + at + "'.");
      return 2;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (DialogsReloader reloader = loaded.get(); UsageLog usage = Usage.open(settings);
        RetentionJob retention = Usage.retention(settings, usage, List.of())) {
      return chat(settings, usage, reloader, clock, out);
    }
  }

  private int chat(TypedSettings settings, UsageLog usage, DialogsReloader reloader, Clock clock, PrintStream out)
      throws IOException {
    Engine engine = reloader.get();
    CaffeineSessionStore sessions = new CaffeineSessionStore(settings.server().sessionTtl(), 10);
    try (Supervision supervision = Supervision.start(settings.server().supervisors(), reloader, settings.server().dataDir(),
        usage, Optional.empty(), (key, text) -> {
          out.println("» " + text);
          return true;
        }, clock)) {
      Assistant assistant = new Assistant(reloader, sessions, usage, EscalationSink.byHand(),
          supervision.commands(), clock, supervision.decorator());
      return converse(assistant, engine, out);
    }
  }

  private int converse(Assistant assistant, Engine engine, PrintStream out) throws IOException {
    Agent agent = new Agent(AGENT, AGENT, name, null);
    boolean interactive = System.console() != null;
    if (interactive) {
      out.println(ConsoleRenderer.render(engine.welcome(name)) + HOW_TO_LEAVE + "\n");
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<it.vademecum.engine.Option> lastOptions = List.of();
    while (true) {
      if (interactive) {
        out.print("tu> ");
        out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        return 0;
      }
      if (LEAVE_WORDS.contains(line.strip().toLowerCase(Locale.ROOT))) {
        return 0;
      }
      Input input = numbered(line, lastOptions);
      Reply reply = assistant.turn(agent, input);
      lastOptions = ConsoleRenderer.numbered(reply);
      out.println(ConsoleRenderer.render(reply) + (asksForHelp(line) ? HOW_TO_LEAVE + "\n" : ""));
    }
  }

  /** The words the engine answers with its help («aiuto»). */
  private static boolean asksForHelp(String line) {
    return List.of("aiuto", "help", "comandi").contains(line.strip().toLowerCase(Locale.ROOT));
  }

  /** "2" picks the second button of the last reply; anything else is typed text. */
  private static Input numbered(String line, List<it.vademecum.engine.Option> options) {
    String t = line.strip();
    if (t.matches("\\d{1,2}")) {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= options.size()) {
        return Input.button(options.get(n - 1).value());
      }
    }
    return Input.text(line);
  }

}
