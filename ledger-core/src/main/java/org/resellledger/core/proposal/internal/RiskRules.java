package org.resellledger.core.proposal.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.item.Item;
import org.resellledger.core.listing.internal.ListingRules;
import org.resellledger.core.money.Money;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.RiskFlag;

/** Which risks a change carries; a flagged proposal is never auto-approved. */
final class RiskRules {
  private RiskRules() {}

  static Set<RiskFlag> flags(ProposalKind kind, Map<String, String> params, Targets.Resolved t, LedgerConfig config) {
    EnumSet<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
    Item item = t.item();
    switch (kind) {
      case CHANGE_LISTING_PRICE -> {
        Money price = Money.of(params.get("price"), params.get("currency"));
        if (belowCostBasis(price, item)) {
          flags.add(RiskFlag.PRICE_BELOW_COST_BASIS);
        }
        Money now = t.listing().details().price();
        if (now.currency().equals(price.currency()) && now.amount().signum() > 0) {
          BigDecimal drop = now.amount().subtract(price.amount()).divide(now.amount(), 6, RoundingMode.HALF_UP);
          if (drop.compareTo(config.proposals().maxPriceDropShare()) > 0) {
            flags.add(RiskFlag.PRICE_DROP_ABOVE_SHARE);
          }
        }
      }
      case SET_LISTING_QUANTITY -> quantity(flags, Integer.parseInt(params.get("quantity")), item);
      case RELIST -> {
        quantity(flags, Integer.parseInt(params.get("quantity")), item);
        photos(flags, item, config);
      }
      case PUBLISH_LISTING -> {
        quantity(flags, t.listing().details().listedQuantity(), item);
        photos(flags, item, config);
      }
      default -> { }
    }
    return flags;
  }

  /** A unit price below the cost basis per unit of the item's lot (in the cost basis currency). */
  private static boolean belowCostBasis(Money price, Item item) {
    Money cost = item.details().costBasis();
    if (!cost.currency().equals(price.currency())) {
      return false;
    }
    return price.amount().multiply(BigDecimal.valueOf(Math.max(1, item.lotUnits()))).compareTo(cost.amount()) < 0;
  }

  private static void quantity(Set<RiskFlag> flags, int quantity, Item item) {
    if (quantity > item.available()) {
      flags.add(RiskFlag.QUANTITY_ABOVE_AVAILABLE);
    }
  }

  private static void photos(Set<RiskFlag> flags, Item item, LedgerConfig config) {
    if (ListingRules.lacksPhotosForPublishing(item, config)) {
      flags.add(RiskFlag.HIGH_VALUE_WITHOUT_PHOTOS);
    }
  }
}
