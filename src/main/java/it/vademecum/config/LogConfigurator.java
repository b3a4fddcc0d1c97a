package it.vademecum.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The logging set-up, in code rather than logback.xml: parsing an XML configuration loads some
 * 500 classes (Joran, Xerces) at every start, about a tenth of a second.
 *
 * <p>Application logs go to stderr, compact, at INFO, so stdout stays free for command output
 * (eval, unmatched). Privacy rule (issue 9): no message text at INFO or above. Libraries stay at
 * WARN: at DEBUG they would log HTTP bodies, that is what agents and customers wrote.
 * {@code LOG_LEVEL} (system property or environment) sets the level of Vademecum's own loggers.
 * Found by Logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  static final List<String> LIBRARIES = List.of("org.eclipse.jetty", "io.javalin", "com.microsoft", "okhttp3",
      "org.h2", "org.flywaydb", "com.zaxxer.hikari", "org.postgresql", "io.lettuce", "io.netty", "reactor");

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
    context.getLogger("it.vademecum").setLevel(Level.toLevel(ownLevel(), Level.INFO));
    for (String library : LIBRARIES) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Vademecum's own loggers at WARN unless {@code LOG_LEVEL} asks for a level: for a console whose
   * screen is the conversation (the chat), where INFO lines about stores opening are noise.
   */
  public static void quietUnlessLevelSet() {
    if (ownLevel() == null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("it.vademecum").setLevel(Level.WARN);
    }
  }

  private static String ownLevel() {
    String level = System.getProperty("LOG_LEVEL");
    return level != null ? level : System.getenv("LOG_LEVEL");
  }
}
