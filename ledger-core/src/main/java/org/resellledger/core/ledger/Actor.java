package org.resellledger.core.ledger;

import org.resellledger.core.value.Checks;

/** Who did it: a person, an agent, the system, a channel, or an import. Every event names one. */
public record Actor(Kind kind, String name) {
  public Actor {
    Checks.present("actor.kind", kind);
    name = Checks.text("actor.name", name, 120);
  }

  public static Actor person(String name) {
    return new Actor(Kind.PERSON, name);
  }

  public static Actor agent(String name) {
    return new Actor(Kind.AGENT, name);
  }

  public static Actor system(String name) {
    return new Actor(Kind.SYSTEM, name);
  }

  public static Actor channel(String channelCode) {
    return new Actor(Kind.CHANNEL, channelCode);
  }

  public static Actor importer(String importId) {
    return new Actor(Kind.IMPORT, importId);
  }

  /** The kinds of actor. */
  public enum Kind {
    PERSON, AGENT, SYSTEM, CHANNEL, IMPORT
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
  }
}
