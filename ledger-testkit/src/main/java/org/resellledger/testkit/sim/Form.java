package org.resellledger.testkit.sim;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.resellledger.core.CommandResult;
import org.resellledger.core.command.Command;

/**
 * What the simulator knows about one kind of core command, beyond the command itself: its name in the
 * report's counts, how a step of it reads, its simpler forms for shrinking, the channel it counts for, and
 * the id it creates (so that later steps can name that id symbolically). Each concept's planner declares
 * the forms of its commands; {@link Step.Send} is the one step that carries any of them.
 *
 * @param kind the step's name in {@link SimulationReport#commandsByKind()}
 * @param describe one readable line from the step's symbolic name (empty when it creates nothing) and command
 * @param simpler variants with smaller quantities or fewer lines, simplest first
 * @param channel the channel a step counts for in the report, when the command names one
 * @param creates the id the ledger gave to what an accepted command created, when it creates something
 */
record Form<C extends Command>(String kind, BiFunction<Optional<String>, C, String> describe,
    Function<C, List<C>> simpler, Function<C, Optional<String>> channel,
    Function<CommandResult, Optional<?>> creates) {

  /** A form whose steps read as {@code describe} says and have no simpler variants. */
  static <C extends Command> Form<C> of(String kind, Function<C, String> describe) {
    return named(kind, (name, c) -> describe.apply(c));
  }

  /** A form whose steps also read their own symbolic name ({@code "list S1 on ebay as L3"}). */
  static <C extends Command> Form<C> named(String kind, BiFunction<Optional<String>, C, String> describe) {
    return new Form<>(kind, describe, c -> List.of(), c -> Optional.empty(), r -> Optional.empty());
  }

  Form<C> simpler(Function<C, List<C>> variants) {
    return new Form<>(kind, describe, variants, channel, creates);
  }

  Form<C> channel(Function<C, String> channelOf) {
    return new Form<>(kind, describe, simpler, c -> Optional.of(channelOf.apply(c)), creates);
  }

  Form<C> creates(Function<CommandResult, Optional<?>> id) {
    return new Form<>(kind, describe, simpler, channel, id);
  }

  /** A step of this form that sends {@code command}. */
  Step.Send<C> step(C command) {
    return new Step.Send<>(this, Optional.empty(), command);
  }

  /** A step of this form that sends {@code command} and names what it creates {@code name}. */
  Step.Send<C> step(String name, C command) {
    return new Step.Send<>(this, Optional.of(name), command);
  }
}
