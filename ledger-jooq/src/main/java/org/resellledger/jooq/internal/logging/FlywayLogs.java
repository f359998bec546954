package org.resellledger.jooq.internal.logging;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log, routed to the host's logging at DEBUG: what Flyway reports on every normal migrate
 * (edition banner, "Successfully validated", "Schema is up to date") is not news for a library's host.
 *
 * <ul>
 *   <li>Flyway's debug, info and notice lines go out at {@link Level#DEBUG}; warnings and errors keep their
 *       level, so a real problem stays visible.
 *   <li>Each line is logged under the name of the Flyway class that wrote it ({@code org.flywaydb...}), so a
 *       host that wants to see them turns on DEBUG for {@code org.flywaydb}.
 *   <li>Through {@link System.Logger}: java.util.logging by default, or whatever the host installs as its
 *       {@code System.LoggerFinder} (SLF4J, Log4j both ship one). No logging library is required.
 * </ul>
 *
 * Flyway instantiates this class by name ({@code loggers(...)}), hence public with a public constructor.
 */
public final class FlywayLogs implements LogCreator {

  public FlywayLogs() {}

  @Override
  public Log createLogger(Class<?> clazz) {
    return new Quiet(System.getLogger(clazz.getName()));
  }

  private static final class Quiet implements Log {
    private final Logger logger;

    Quiet(Logger logger) {
      this.logger = logger;
    }

    @Override
    public boolean isDebugEnabled() {
      return logger.isLoggable(Level.DEBUG);
    }

    @Override
    public void debug(String message) {
      logger.log(Level.DEBUG, message);
    }

    @Override
    public void info(String message) {
      logger.log(Level.DEBUG, message);
    }

    @Override
    public void notice(String message) {
      logger.log(Level.DEBUG, message);
    }

    @Override
    public void warn(String message) {
      logger.log(Level.WARNING, message);
    }

    @Override
    public void error(String message) {
      logger.log(Level.ERROR, message);
    }

    @Override
    public void error(String message, Exception e) {
      logger.log(Level.ERROR, message, e);
    }
  }
}
