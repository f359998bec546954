package org.resellledger.testkit.sim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.resellledger.core.ledger.Origin;
import org.resellledger.testkit.gen.Gen;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.sim.ConceptPlans.Move;

/**
 * Generates the steps of one simulated sequence from a seed alone. Each concept plans its own commands
 * ({@link ItemPlans}, {@link ListingPlans}, {@link OrderPlans}, {@link BundlePlans}, {@link MessagePlans}, registered in
 * {@link #concepts}); this class picks among all their moves by weight, adds what crosses concepts (batches
 * of item commands in one transaction, and provider faults: re-deliveries and the same event id with other
 * content), and remembers which steps carried a provider event.
 *
 * <p>A rough shared plan ({@link PlanContext}) of what should exist, assuming steps succeed, makes most steps
 * plausible: most sales hit stock, most shipments follow payment. It never reads the ledger, so the seed
 * determines the sequence, and the first n steps are the same whatever the sequence length.
 *
 * <p>Mixes channels (ebay, etsy, shopify, and a few others), actors (people, agents, importers, the system,
 * channels) and faults: re-delivered provider events, the same event id with other content, deliveries out
 * of order, double sales of the last unit, cancellations racing shipments, unknown SKUs, listings and
 * orders, missing reasons and quantities beyond what is there.
 */
final class Planner {
  private final PlanContext p;
  private final ItemPlans items;
  private final OrderPlans orders;
  private final List<ConceptPlans> concepts;
  private final Deque<Step> queued = new ArrayDeque<>();
  private final Gen<Supplier<List<Step>>> moves;
  private final List<Supplier<List<Step>>> batchParts = new ArrayList<>();

  Planner(long seed) {
    this.p = new PlanContext(new SplittableRandom(seed));
    this.items = new ItemPlans(p);
    this.orders = new OrderPlans(p, items);
    // one line per concept; a concept's moves and batch parts are drawn in this order
    this.concepts = List.of(
        items,
        new ListingPlans(p, items),
        orders,
        new BundlePlans(p, items),
        new ProposalPlans(p),
        new FulfilmentPlans(p, items),
        new MessagePlans(p),
        new CountPlans(p));
    List<Move> all = new ArrayList<>();
    concepts.forEach(c -> all.addAll(c.moves()));
    all.add(new Move("batch", 3, this::batch));
    all.add(new Move("redeliver", 5, this::redeliver));
    all.add(new Move("conflictingRedelivery", 2, this::conflictingRedelivery));
    concepts.forEach(c -> batchParts.addAll(c.batchParts()));
    this.moves = Gen.frequency(all.stream().map(m -> Gen.weighted(m.weight(), Gen.constant(m.make()))).toList());
  }

  /** The first {@code count} steps for {@code seed}. */
  static List<Step> plan(long seed, int count) {
    Planner planner = new Planner(seed);
    List<Step> steps = new ArrayList<>(count);
    while (steps.size() < count) {
      steps.add(planner.next());
    }
    return steps;
  }

  Step next() {
    while (queued.isEmpty()) {
      // a sequence starts with a few items: every other concept needs one
      List<Step> made = p.items.size() < 2 && p.random.nextInt(3) != 0 ? items.intake() : p.next(moves).get();
      queued.addAll(made);
    }
    Step s = queued.poll();
    if (s.origin().provider().isPresent()) {
      p.deliveries.add(s);
    }
    return s;
  }

  /**
   * A few commands in one transaction, as an import would send them: often a new item and what is done to
   * it right away; now and then one part is refused, which must leave nothing of the others.
   */
  private List<Step> batch() {
    int n = p.next(Gens.ints(2, 4));
    List<Step> parts = new ArrayList<>();
    while (parts.size() < n) {
      for (Step s : p.pick(batchParts).get()) {
        if (s.origin().provider().isEmpty() && parts.size() < n) {
          parts.add(s);
        }
      }
    }
    return List.of(new Step.Batch(parts));
  }

  // ---- faults --------------------------------------------------------------------------------------------

  /** A provider sends an event again, unchanged. */
  private List<Step> redeliver() {
    if (p.deliveries.isEmpty()) {
      return anySale();
    }
    return List.of(p.pick(p.deliveries));
  }

  /** A provider sends an event id again with other content: must be an IDEMPOTENCY_CONFLICT. */
  private List<Step> conflictingRedelivery() {
    if (p.deliveries.isEmpty()) {
      return anySale();
    }
    Step earlier = p.pick(p.deliveries);
    Origin o = earlier.origin();
    Instant other = o.occurredAt().orElse(Samples.NOW).plusSeconds(1 + p.random.nextInt(60));
    for (ConceptPlans c : concepts) {
      Optional<Step> variant = c.otherContent(earlier);
      if (variant.isPresent()) {
        return List.of(variant.get());
      }
    }
    return List.of(earlier.withOrigin(o.at(other)));
  }

  /** Where no provider has sent anything yet: a channel sale, the usual first provider event. */
  private List<Step> anySale() {
    return orders.channelSale();
  }
}
