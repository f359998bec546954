package org.resellledger.core.count;

import org.resellledger.core.command.Command;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Origin;

/**
 * The commands of a physical count: open a session for one storage location, record what was counted,
 * close it. Anyone may count (a person, an agent, an import of a count sheet); the adjustments a close
 * drafts are approved by a person, as every proposal is. The actor of each is its origin's.
 *
 * <p>What a count compares, and what happens when units move while it runs:
 *
 * <ul>
 *   <li>A count compares against AVAILABLE (the units free to sell, the one bucket a correction moves);
 *       units committed to an order, held, in inspection or damaged are not on the count shelf.
 *   <li>A line's variance is fixed when the line is recorded: counted - available at that moment. Units
 *       that move later (a sale, a hold, an intake) before the close are real and kept: the adjustment's
 *       {@code counted} is the available units at the close plus the variance (never below 0).
 *   <li>Each adjustment rests on its item's version at the close. Units that move between the close and the
 *       approval refuse the approval {@code TARGET_MOVED}; nothing is forced. A person revises the proposal
 *       (its evidence gives the variance) or counts again. An approved adjustment whose item moves before it
 *       is applied is re-planned by {@code SettleProposal} with the variance carried over the move (what is
 *       available then, plus the adjustment the count asked for), and needs approval again.
 *   <li>The adjustments are authored by the system actor {@code count}, caused by the session, and cite the
 *       line's event; approving and applying one ({@code ApproveProposal}, {@code ApplyProposal}, e.g. in
 *       one {@code executeAll}) moves the variance between AVAILABLE and ADJUSTMENT with the count as reason.
 * </ul>
 */
public sealed interface CountCommand extends Command {

  /**
   * Open a count of {@code location} and everything under it ({@code GARAGE} holds {@code GARAGE/S1/B2}).
   * One open session per location: a second is refused {@code COUNT_ALREADY_OPEN}.
   */
  record OpenCount(StorageLocation location, Origin origin) implements CountCommand {}

  /**
   * {@code counted} units of {@code sku} are physically on the shelf now (0 says none was found). The
   * ledger's available units and the item's version are taken at this moment; a later line for the same
   * SKU is a recount and replaces it. An unknown SKU is recorded too (the close lists it).
   */
  record RecordCount(CountSessionId session, Sku sku, int counted, Origin origin) implements CountCommand {}

  /**
   * Close the session: its variance report is recorded, one {@code ADJUST_FROM_COUNT} proposal is drafted
   * per SKU whose count differs, and the location's last-verified date becomes now.
   */
  record CloseCount(CountSessionId session, Origin origin) implements CountCommand {}
}
