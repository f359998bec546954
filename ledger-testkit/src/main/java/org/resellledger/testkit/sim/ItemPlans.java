package org.resellledger.testkit.sim;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.ItemCommand.ArchiveItem;
import org.resellledger.core.item.ItemCommand.ChangeItemDetails;
import org.resellledger.core.item.ItemCommand.ChangeItemStatus;
import org.resellledger.core.item.ItemCommand.ConsignItem;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemCommand.MarkDamaged;
import org.resellledger.core.item.ItemCommand.MarkLost;
import org.resellledger.core.item.ItemCommand.ReleaseUnits;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.testkit.gen.Gen;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.sim.PlanContext.PlannedItem;

/**
 * Plans item commands: intake (also the fallback of every move that needs an item and finds none), details,
 * status, consignment, archiving, holds and releases, damage, loss and corrections, with quantities now and
 * then beyond what is there and SKUs that do not exist.
 */
final class ItemPlans implements ConceptPlans {
  static final Form<IntakeItem> INTAKE = Form.of("Intake", (IntakeItem c) -> "intake " + c.details().sku() + " x"
      + c.quantity() + " as " + c.status() + " (cost " + c.details().costBasis() + ", photos "
      + c.details().photoStatus() + ", value " + c.details().value() + ")")
      .simpler(c -> Step.smaller(c.quantity()).stream()
          .map(q -> new IntakeItem(c.details(), q, c.status(), c.origin())).toList());
  static final Form<ChangeItemStatus> STATUS = Form.of("ItemStatusTo",
      (ChangeItemStatus c) -> "set status of " + c.sku() + " to " + c.to());
  static final Form<ConsignItem> CONSIGN = Form.of("Consign",
      (ConsignItem c) -> "consign " + c.sku() + " for '" + c.consignor() + "'");
  static final Form<ArchiveItem> ARCHIVE = Form.of("Archive", (ArchiveItem c) -> "archive " + c.sku());
  static final Form<HoldUnits> HOLD = Form.of("Hold", (HoldUnits c) -> "hold " + c.quantity() + " of " + c.sku())
      .simpler(c -> Step.smaller(c.quantity()).stream().map(q -> new HoldUnits(c.sku(), q, c.origin())).toList());
  static final Form<ReleaseUnits> RELEASE = Form.of("Release",
      (ReleaseUnits c) -> "release " + c.quantity() + " of " + c.sku())
      .simpler(c -> Step.smaller(c.quantity()).stream().map(q -> new ReleaseUnits(c.sku(), q, c.origin())).toList());
  static final Form<MarkDamaged> DAMAGE = Form.of("Damage",
      (MarkDamaged c) -> "mark " + c.quantity() + " of " + c.sku() + " damaged from " + c.from())
      .simpler(c -> Step.smaller(c.quantity()).stream()
          .map(q -> new MarkDamaged(c.sku(), q, c.from(), c.origin())).toList());
  static final Form<MarkLost> LOSE = Form.of("Lose",
      (MarkLost c) -> "mark " + c.quantity() + " of " + c.sku() + " lost from " + c.from())
      .simpler(c -> Step.smaller(c.quantity()).stream().map(q -> new MarkLost(c.sku(), q, c.from(), c.origin()))
          .toList());
  static final Form<AdjustQuantity> ADJUST = Form.of("Adjust",
      (AdjustQuantity c) -> "adjust " + c.sku() + " by " + (c.delta() > 0 ? "+" : "") + c.delta())
      .simpler(c -> {
        int sign = c.delta() < 0 ? -1 : 1;
        return Step.smaller(Math.abs(c.delta())).stream()
            .map(q -> new AdjustQuantity(c.sku(), sign * q, c.origin())).toList();
      });

  private final PlanContext p;

  ItemPlans(PlanContext context) {
    this.p = context;
  }

  @Override
  public List<Move> moves() {
    return List.of(
        new Move("intake", 12, this::intake),
        new Move("hold", 4, this::hold),
        new Move("release", 3, this::release),
        new Move("damage", 2, this::damage),
        new Move("lose", 2, this::lose),
        new Move("adjust", 3, this::adjust),
        new Move("editDetails", 2, this::editDetails),
        new Move("itemStatus", 2, this::itemStatus),
        new Move("consign", 1, this::consign),
        new Move("archive", 1, this::archive));
  }

  @Override
  public List<Supplier<List<Step>>> batchParts() {
    return List.of(this::intake, this::intake, this::hold, this::release, this::adjust, this::damage,
        this::editDetails);
  }

  List<Step> intake() {
    Currency currency = p.currency();
    Sku sku = p.chance(4) && !p.items.isEmpty() ? p.pick(p.items).sku : p.newSku();
    ItemStatus status = p.next(Gen.elements(ItemStatus.NEEDS_PHOTOS, ItemStatus.READY_TO_LIST,
        ItemStatus.READY_TO_LIST, ItemStatus.HELD, ItemStatus.CONSIGNED));
    ItemDetails d = p.details(sku, currency);
    if (status == ItemStatus.CONSIGNED && p.chance(80)) {
      d = ItemDetails.builder().from(d).consignor("Mrs. Dalloway").build();
    }
    int qty = p.chance(5) ? 0 : p.chance(3) ? 1000 : p.next(Gens.ints(1, 5));
    PlannedItem planned = new PlannedItem(d.sku(), currency);
    if (status == ItemStatus.HELD) {
      planned.held = qty;
    } else {
      planned.available = qty;
    }
    p.add(planned);
    return List.of(INTAKE.step(new IntakeItem(d, qty, status, p.anyLane())));
  }

  private List<Step> editDetails() {
    Sku sku = p.targetSku();
    Optional<String> title = p.chance(60) ? Optional.of(p.next(Gens.titles())) : Optional.empty();
    Optional<PhotoStatus> photos = p.chance(40) ? Optional.of(p.next(Gens.photoStatuses())) : Optional.empty();
    Optional<Condition> condition = p.chance(30) ? Optional.of(p.next(Gens.conditions())) : Optional.empty();
    String text = "edit " + sku + title.map(t -> " title='" + t + "'").orElse("")
        + photos.map(ph -> " photos=" + ph).orElse("") + condition.map(c -> " condition=" + c).orElse("");
    return List.of(new Step.Edit("EditDetails", text, p.anyLane(), (names, origin) -> {
      ItemDetails current = names.details(sku).orElseGet(() -> Samples.details(sku.value()));
      ItemDetails.Builder b = ItemDetails.builder().from(current);
      title.ifPresent(b::title);
      photos.ifPresent(b::photoStatus);
      condition.ifPresent(b::condition);
      return new ChangeItemDetails(sku, b.build(), origin);
    }));
  }

  private List<Step> itemStatus() {
    return List.of(STATUS.step(new ChangeItemStatus(p.targetSku(), p.next(Gens.itemStatuses()), p.anyLane())));
  }

  private List<Step> consign() {
    return List.of(CONSIGN.step(new ConsignItem(p.targetSku(), p.chance(90) ? "Mrs. Dalloway" : " ", p.person())));
  }

  private List<Step> archive() {
    return List.of(ARCHIVE.step(new ArchiveItem(p.targetSku(), p.person())));
  }

  private List<Step> hold() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return intake();
    }
    PlannedItem i = item.get();
    int q = p.quantity(i.available);
    if (q <= i.available) {
      i.available -= q;
      i.held += q;
    }
    return List.of(HOLD.step(new HoldUnits(i.sku, q, p.withReason(p.anyLane()))));
  }

  private List<Step> release() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return intake();
    }
    PlannedItem i = item.get();
    int q = p.quantity(i.held);
    if (q <= i.held) {
      i.held -= q;
      i.available += q;
    }
    return List.of(RELEASE.step(new ReleaseUnits(i.sku, q, p.anyLane())));
  }

  private List<Step> damage() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return intake();
    }
    PlannedItem i = item.get();
    Bucket from = p.chance(75) ? Bucket.AVAILABLE : p.chance(80) ? Bucket.HELD : Bucket.COMMITTED;
    int q = p.quantity(from == Bucket.HELD ? i.held : i.available);
    if (from == Bucket.AVAILABLE && q <= i.available) {
      i.available -= q;
    }
    return List.of(DAMAGE.step(new MarkDamaged(i.sku, q, from, p.anyLane())));
  }

  private List<Step> lose() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return intake();
    }
    PlannedItem i = item.get();
    Bucket from = p.chance(75) ? Bucket.AVAILABLE : Bucket.HELD;
    int q = p.quantity(from == Bucket.HELD ? i.held : i.available);
    if (from == Bucket.AVAILABLE && q <= i.available) {
      i.available -= q;
    }
    return List.of(LOSE.step(new MarkLost(i.sku, q, from, p.anyLane())));
  }

  private List<Step> adjust() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return intake();
    }
    PlannedItem i = item.get();
    int delta = p.chance(50) ? p.next(Gens.ints(1, 4)) : -p.quantity(i.available);
    if (p.chance(2)) {
      delta = 0;
    }
    if (delta > 0 || -delta <= i.available) {
      i.available += delta;
    }
    return List.of(ADJUST.step(new AdjustQuantity(i.sku, delta, p.withReason(p.person()))));
  }
}
