package org.resellledger.core.bundle.internal;

import static org.resellledger.core.ledger.StreamId.Kind.ITEM;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.bundle.BundleFact.*;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.internal.ItemFold;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.money.Money;

/**
 * The bundle concept's registration. Splits and merges are facts on item streams: the giving items lose
 * cost and lot units, the new items start with their share.
 */
public final class BundleConcept {
  private BundleConcept() {}

  public static void register(Registry r) {
    r.handle(SplitBundle.class, BundleHandlers::split, c -> Stream.concat(Stream.ofNullable(c.parent()),
        Stream.ofNullable(c.children()).flatMap(List::stream).filter(Objects::nonNull).map(BundleChild::details)
            .filter(Objects::nonNull).map(ItemDetails::sku)));
    r.handle(MergeBundle.class, BundleHandlers::merge, c -> Stream.concat(
        Stream.ofNullable(c.parts()).flatMap(List::stream).filter(Objects::nonNull).map(BundleInput::sku),
        Stream.ofNullable(c.details()).map(ItemDetails::sku)));

    r.fold(BundleSplit.class, ITEM, (Item i, LedgerEvent e, BundleSplit s) -> gave(i, e, s.costMoved()));
    r.fold(MergedIntoBundle.class, ITEM, (Item i, LedgerEvent e, MergedIntoBundle m) -> gave(i, e, m.costMoved()));
    r.fold(SplitFromBundle.class, ITEM, ItemFold.<SplitFromBundle>starting(SplitFromBundle::details,
        SplitFromBundle::status));
    r.fold(MergedFromParts.class, ITEM, ItemFold.<MergedFromParts>starting(MergedFromParts::details,
        MergedFromParts::status));
  }

  /** Units left the item's lot, carrying {@code cost} of its cost basis with them. */
  private static Item gave(Item item, LedgerEvent e, Money cost) {
    ItemFold.Next n = ItemFold.next(item, e);
    return n.details(n.details().withCostBasis(n.details().costBasis().minus(cost)))
        .lessLot(e.movement().orElseThrow().quantity()).build();
  }
}
