package org.resellledger.core.command;

import org.resellledger.core.bundle.BundleCommand;
import org.resellledger.core.item.ItemCommand;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.ListingCommand;
import org.resellledger.core.order.OrderCommand;

/**
 * Something a person, an agent, a channel or an import asks the ledger to do. A command is checked
 * against the rules and either appends events atomically or is refused with a {@code RejectionException}
 * and changes nothing. A command whose origin carries a provider event id is applied at most once.
 *
 * <p>Each concept declares its own commands, as records nested in its sealed interface: {@link ItemCommand},
 * {@link ListingCommand}, {@link OrderCommand}, {@link BundleCommand}.
 */
public sealed interface Command permits ItemCommand, ListingCommand, OrderCommand, BundleCommand,
    org.resellledger.core.proposal.ProposalCommand, org.resellledger.core.message.MessageCommand,
    org.resellledger.core.count.CountCommand {

  Origin origin();
}
