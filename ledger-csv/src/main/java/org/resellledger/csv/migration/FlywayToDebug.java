package org.resellledger.csv.migration;

import java.lang.System.Logger.Level;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's logging for the import history's migrations, through {@link System.Logger} (the JDK's logging
 * unless the host binds another): a library logs nothing at INFO, so Flyway's info and notices, and the
 * database notices it passes on as warnings, go to DEBUG; its own warnings and errors keep their level. Not API: Flyway creates it by name
 * ({@code FluentConfiguration.loggers}), which is why it is public, in a package that is opened, not exported.
 */
public final class FlywayToDebug implements LogCreator {
  public FlywayToDebug() {}

  @Override
  public Log createLogger(Class<?> type) {
    System.Logger logger = System.getLogger(type.getName());
    return new Log() {
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
        // Flyway passes the database's own notices on as warnings ("DB: relation ... already exists,
        // skipping" when V1 adopts tables made before the migrations existed): not the host's concern
        logger.log(message.startsWith("DB: ") ? Level.DEBUG : Level.WARNING, message);
      }

      @Override
      public void error(String message) {
        logger.log(Level.ERROR, message);
      }

      @Override
      public void error(String message, Exception e) {
        logger.log(Level.ERROR, message, e);
      }
    };
  }
}
