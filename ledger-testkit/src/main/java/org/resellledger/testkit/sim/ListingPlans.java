package org.resellledger.testkit.sim;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.resellledger.core.CommandResult;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingCommand.RecordChannelObservation;
import org.resellledger.core.listing.ChannelObservation;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.sim.PlanContext.PlannedItem;
import org.resellledger.testkit.sim.PlanContext.PlannedListing;

/**
 * Plans listings on many channels (now and then with an external id another listing has), their status
 * moves (mostly along the table, some not; sold, ended and errors often from the channel's webhook) and
 * repricing, sometimes of a listing that does not exist.
 */
final class ListingPlans implements ConceptPlans {
  static final Form<CreateListing> CREATE = Form.named("NewListing", (Optional<String> name, CreateListing c) ->
      "list " + c.sku() + " on " + c.details().channel() + " as " + name.orElse("?") + " (" + c.status() + ", "
          + c.details().price() + ", qty " + c.details().listedQuantity()
          + c.details().externalId().map(x -> ", id " + x).orElse("") + ")")
      .channel(c -> c.details().channel().code())
      .creates(CommandResult::listingId);
  static final Form<RecordChannelObservation> SAYS = Form.of("ChannelSays", (RecordChannelObservation c) ->
      "channel says of listing " + c.listing() + " at " + c.observation().observedAt()
          + c.observation().price().map(x -> " price=" + x).orElse("")
          + c.observation().quantity().map(q -> " qty=" + q).orElse(""));
  static final Form<ChangeListingStatus> STATUS = Form.of("ListingStatusTo", (ChangeListingStatus c) ->
      "listing " + c.listing() + " -> " + c.to() + c.error().map(e -> " ('" + e + "')").orElse(""));

  private final PlanContext p;
  private final ItemPlans items;

  ListingPlans(PlanContext context, ItemPlans items) {
    this.p = context;
    this.items = items;
  }

  @Override
  public List<Move> moves() {
    return List.of(
        new Move("newListing", 8, this::newListing),
        new Move("listingStatus", 5, this::listingStatus),
        new Move("editListing", 2, this::editListing),
        new Move("channelSays", 2, this::channelSays));
  }

  @Override
  public List<Supplier<List<Step>>> batchParts() {
    return List.of(this::newListing);
  }

  List<Step> newListing() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return items.intake();
    }
    Channel channel = p.channel();
    ListingDetails d = p.listingDetails(channel, item.get().currency);
    if (p.chance(5)) {
      Optional<PlannedListing> same = p.listings.stream().filter(l -> l.channel.equals(channel)
          && l.details.externalId().isPresent()).findFirst();
      if (same.isPresent()) {
        d = ListingDetails.builder().from(d).externalId(same.get().details.externalId()).build();
      }
    }
    SyncStatus status = p.chance(60) ? SyncStatus.LIVE : SyncStatus.DRAFT;
    String name = "L" + (p.listings.size() + 1);
    p.listings.add(new PlannedListing(name, item.get(), channel, d, status));
    Origin origin = p.chance(80) ? p.anyLane() : Origin.of(Source.AGENT, Actor.agent("lister-agent"));
    return List.of(CREATE.step(name, new CreateListing(item.get().sku, d, status, origin)));
  }

  private Optional<PlannedListing> listing() {
    return p.listings.isEmpty() ? Optional.empty() : Optional.of(p.pick(p.listings));
  }

  private List<Step> listingStatus() {
    Optional<PlannedListing> l = listing();
    if (l.isEmpty()) {
      return newListing();
    }
    SyncStatus now = l.get().status;
    SyncStatus to = p.chance(75) && !now.next().isEmpty() ? p.pick(List.copyOf(now.next()))
        : p.next(Gens.syncStatuses());
    if (now.canMoveTo(to)) {
      l.get().status = to;
    }
    Optional<String> error = to == SyncStatus.ERROR ? Optional.of(l.get().channel + ": 429 too many requests")
        : Optional.empty();
    boolean fromChannel = to == SyncStatus.SOLD || to == SyncStatus.ENDED || to == SyncStatus.ERROR;
    Origin origin = fromChannel && p.chance(70) ? p.webhook(l.get().channel) : p.anyLane();
    return List.of(STATUS.step(new ChangeListingStatus(ListingId.of(l.get().name), to, error, origin)));
  }

  /** What the listing's channel says of it, at one of a few times: older ones arrive late and are left out. */
  private List<Step> channelSays() {
    Optional<PlannedListing> l = listing();
    if (l.isEmpty()) {
      return newListing();
    }
    java.time.Instant at = Samples.NOW.minusSeconds(60L * p.next(Gens.ints(0, 5)));
    Optional<Money> price = p.chance(50) ? Optional.of(p.price(l.get().item.currency)) : Optional.empty();
    Optional<Integer> quantity = price.isEmpty() || p.chance(30) ? Optional.of(p.next(Gens.ints(0, 6)))
        : Optional.empty();
    return List.of(SAYS.step(new RecordChannelObservation(ListingId.of(l.get().name),
        new ChannelObservation(at, price, Optional.empty(), quantity, Optional.empty()), p.webhook(l.get().channel))));
  }

  private List<Step> editListing() {
    Optional<PlannedListing> l = listing();
    if (l.isEmpty()) {
      return newListing();
    }
    Channel channel = l.get().channel;
    Optional<Money> price = p.chance(70) ? Optional.of(p.price(l.get().item.currency)) : Optional.empty();
    Optional<Integer> listed = price.isEmpty() || p.chance(30) ? Optional.of(p.next(Gens.ints(0, 6)))
        : Optional.empty();
    Origin origin = p.chance(40) ? p.webhook(channel) : Origin.of(Source.AGENT, Actor.agent("repricer-bot"));
    String name = p.chance(3) ? "L" + (p.listings.size() + 7) : l.get().name;
    String text = "edit listing " + name + price.map(x -> " price=" + x).orElse("")
        + listed.map(q -> " listed=" + q).orElse("");
    return List.of(new Step.Edit("EditListing", text, origin, (names, o) -> {
      ListingDetails current = names.listingDetails(name)
          .orElseGet(() -> Samples.listing(channel, null, price.orElse(Samples.usd("1.00"))));
      ListingDetails.Builder b = ListingDetails.builder().from(current);
      price.ifPresent(b::price);
      listed.ifPresent(b::listedQuantity);
      return new ChangeListing(names.listing(name), b.build(), o);
    }));
  }
}
