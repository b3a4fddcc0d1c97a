package it.vademecum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging set-up that replaced logback.xml: stderr, INFO for Vademecum, WARN for libraries. */
class LogConfiguratorTest {

  @Test
  void logsToStderrAtInfoWithLibrariesAtWarn() {
    LoggerContext context = new LoggerContext();
    new LogConfigurator().configure(context);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<?> appender = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
    assertEquals("System.err", appender.getTarget());
    assertEquals(Level.INFO, context.getLogger("it.vademecum.teams.TeamsServer").getEffectiveLevel());
    for (String library : LogConfigurator.LIBRARIES) {
      assertEquals(Level.WARN, context.getLogger(library + ".Anything").getEffectiveLevel(), library);
    }
    assertEquals(Level.INFO, context.getLogger("org.other").getEffectiveLevel());
  }

  @Test
  void logbackFindsItInsteadOfAnXmlFile() {
    LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertEquals(Level.WARN, running.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel());
    assertEquals(Level.WARN, running.getLogger("com.microsoft.bot.connector").getEffectiveLevel());
  }
}
