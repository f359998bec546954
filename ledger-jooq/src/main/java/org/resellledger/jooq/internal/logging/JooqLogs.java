package org.resellledger.jooq.internal.logging;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps jOOQ quiet on a normal open, without overriding what the host chose.
 *
 * <ul>
 *   <li>No banner and no tips: {@code org.jooq.no-logo} and {@code org.jooq.no-tips} are set to {@code true}
 *       unless the host set them.
 *   <li>jOOQ's one-off INFO line "Database version is supported by dialect" (logger
 *       {@value #VERSION_SUPPORT}) is raised to WARNING, so an unsupported version is still reported; only
 *       when it logs through java.util.logging, the host has not set that logger's level and has not asked
 *       for jOOQ's debug output ({@code org.jooq} at FINE or finer). Behind SLF4J it is the host's to set.
 * </ul>
 */
public final class JooqLogs {
  static final String VERSION_SUPPORT = "org.jooq.impl.DefaultExecuteContext.logVersionSupport";

  // java.util.logging holds loggers weakly: a level set on one that nobody references would be lost
  private static final Logger VERSION_SUPPORT_LOGGER = Logger.getLogger(VERSION_SUPPORT);

  static {
    defaultProperty("org.jooq.no-logo");
    defaultProperty("org.jooq.no-tips");
    if (VERSION_SUPPORT_LOGGER.getLevel() == null && !VERSION_SUPPORT_LOGGER.isLoggable(Level.FINE)) {
      VERSION_SUPPORT_LOGGER.setLevel(Level.WARNING);
    }
  }

  private JooqLogs() {}

  /** Applies the defaults above, once; call before the first use of jOOQ. */
  public static void quiet() {
    // the work is done once, by the class initializer
  }

  private static void defaultProperty(String name) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, "true");
    }
  }
}
