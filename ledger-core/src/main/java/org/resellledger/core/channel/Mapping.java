package org.resellledger.core.channel;

import java.util.List;
import org.resellledger.core.command.Command;
import org.resellledger.core.value.Checks;

/**
 * What a {@link ChannelMapper} makes of one stored provider event: the ledger commands it means, or why it
 * cannot be applied yet, or why it is not applied at all. The mapper decides in the channel's words; the
 * {@link InboxProcessor} turns each answer into the entry's next state.
 */
public sealed interface Mapping {
  /**
   * Apply these commands as one unit, at most once per inbox entry (1 to 100 commands). Their origins
   * carry no provider event id ({@link ChannelLookup#origin} builds them): the unit is keyed by the entry,
   * so processing an entry again, or a redelivery, never applies twice.
   */
  record Apply(List<Command> commands) implements Mapping {
    public Apply {
      commands = List.copyOf(Checks.present("commands", commands));
      if (commands.isEmpty() || commands.size() > 100) {
        throw org.resellledger.core.RejectionException.invalid("commands", commands.size(), "1 to 100 commands");
      }
    }

    public static Apply of(Command... commands) {
      return new Apply(List.of(commands));
    }
  }

  /**
   * Nothing in the ledger matches it yet (an unknown listing, order or SKU): parked with this reason.
   * {@code missing} names the channel ids that found no listing, which a person may link by hand
   * ({@link InboxProcessor#matchByHand}).
   */
  record Unmatched(String reason, List<ChannelRef> missing) implements Mapping {
    public Unmatched {
      reason = Checks.text("reason", reason, 1000);
      missing = List.copyOf(Checks.present("missing", missing));
    }

    public Unmatched(String reason) {
      this(reason, List.of());
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
