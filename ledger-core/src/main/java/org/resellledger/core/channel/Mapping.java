package org.resellledger.core.channel;

import org.resellledger.core.command.Command;
import org.resellledger.core.value.Checks;

/**
 * What a {@link ChannelMapper} makes of one stored provider event: the ledger command it means, or why it
 * cannot be applied yet, or why it is not applied at all. The mapper decides in the channel's words; the
 * {@link InboxProcessor} turns each answer into the entry's next state.
 */
public sealed interface Mapping {
  /**
   * Apply this command. Its origin carries the event's provider event id, which makes it idempotent: a
   * redelivery, or processing the entry again, gets the first outcome.
   */
  record Apply(Command command) implements Mapping {
    public Apply {
      Checks.present("command", command);
    }
  }

  /** Nothing in the ledger matches it yet (an unknown listing, order or SKU): parked with this reason. */
  record Unmatched(String reason) implements Mapping {
    public Unmatched {
      reason = Checks.text("reason", reason, 1000);
    }
  }

  /** It needs something that has not arrived (a cancellation before its sale): held until {@code prerequisite}. */
  record Early(String prerequisite) implements Mapping {
    public Early {
      prerequisite = Checks.text("prerequisite", prerequisite, 200);
    }
  }

  /** Deliberately not applied (a topic the ledger does not use, a test delivery, unreadable content). */
  record Ignore(String reason) implements Mapping {
    public Ignore {
      reason = Checks.text("reason", reason, 1000);
    }
  }
}
