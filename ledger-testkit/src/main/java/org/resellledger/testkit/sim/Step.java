package org.resellledger.testkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resellledger.core.CommandResult;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.Origin;

/**
 * One generated step of a simulation. Steps refer to listings and orders symbolically ({@code L3} for the
 * third listing planned, {@code O2} for the second order), resolved only when the step runs, so that removing
 * steps while shrinking leaves every other step meaningful: a name whose creating step was refused or shrunk
 * away resolves to an id the ledger has never seen, and the step is refused as unknown. Each step reads as
 * one line and knows its simpler forms.
 *
 * <p>Three shapes cover every command: {@link Send} carries a core command planned in full (most of them),
 * {@link Edit} builds one from what the ledger holds when it runs (a change of one field of the current
 * details), {@link Batch} sends several in one transaction.
 */
sealed interface Step {

  Origin origin();

  Step withOrigin(Origin origin);

  /** The command to send, with names resolved for this run. May throw a RejectionException (bad input). */
  Command command(Names names);

  /** One readable line, without the origin. */
  String describe();

  /** Variants with smaller quantities, simplest first; empty when there is nothing to simplify. */
  default List<Step> simpler() {
    return List.of();
  }

  /** The kind of step, for the report's counts. */
  String kind();

  /** The channel this step counts for in the report. */
  default Optional<String> channel() {
    return origin().provider().map(p -> p.provider());
  }

  /** The symbolic name of what this step creates, if later steps may refer to it. */
  default Optional<String> name() {
    return Optional.empty();
  }

  /** The id the ledger gave to what this step created, from the accepted command's result. */
  default Optional<?> created(CommandResult result) {
    return Optional.empty();
  }

  /** Smaller positive quantities than {@code n} worth trying while shrinking, simplest first. */
  static List<Integer> smaller(int n) {
    List<Integer> out = new ArrayList<>();
    if (n > 1) {
      out.add(1);
    }
    if (n / 2 > 1) {
      out.add(n / 2);
    }
    if (n - 1 > 1 && n - 1 != n / 2) {
      out.add(n - 1);
    }
    return out;
  }

  /**
   * A core command planned in full, of a known {@link Form}; its listing and order ids are symbolic and
   * resolved when it runs ({@link Symbols#resolve}).
   */
  record Send<C extends Command>(Form<C> form, Optional<String> name, C command) implements Step {
    public Origin origin() {
      return command.origin();
    }

    public Step withOrigin(Origin o) {
      return new Send<>(form, name, Symbols.withOrigin(command, o));
    }

    public Command command(Names n) {
      return Symbols.resolve(command, n);
    }

    public String describe() {
      return form.describe().apply(name, command);
    }

    public List<Step> simpler() {
      return form.simpler().apply(command).stream().<Step>map(c -> new Send<>(form, name, c)).toList();
    }

    public String kind() {
      return form.kind();
    }

    public Optional<String> channel() {
      return form.channel().apply(command).or(Step.super::channel);
    }

    public Optional<?> created(CommandResult result) {
      return name.isPresent() ? form.creates().apply(result) : Optional.empty();
    }
  }

  /** Builds a command from what the ledger holds when the step runs. */
  @FunctionalInterface
  interface Recipe {
    Command build(Names names, Origin origin);
  }

  /**
   * A command that can only be built when it runs, such as a change of one field of an item's current
   * details: {@code text} says what it changes.
   */
  record Edit(String kind, String text, Origin origin, Recipe recipe) implements Step {
    public Step withOrigin(Origin o) {
      return new Edit(kind, text, o, recipe);
    }

    public Command command(Names n) {
      return recipe.build(n, origin);
    }

    public String describe() {
      return text;
    }
  }

  /**
   * Several commands as one unit ({@code Ledger.executeAll}): all are applied in one commit, or none. Parts
   * never carry provider event ids (a batch refuses them), and refer to items by SKU, so a part may use an
   * item an earlier part created.
   */
  record Batch(List<Step> parts) implements Step {
    public Batch {
      parts = List.copyOf(parts);
    }

    public Origin origin() {
      return parts.get(0).origin();
    }

    public Step withOrigin(Origin o) {
      List<Step> p = new ArrayList<>(parts);
      p.set(0, p.get(0).withOrigin(o));
      return new Batch(p);
    }

    /** The first part's command; the runner sends {@link #commands} instead. */
    public Command command(Names n) {
      return parts.get(0).command(n);
    }

    List<Command> commands(Names n) {
      return parts.stream().map(p -> p.command(n)).toList();
    }

    public String describe() {
      return "batch of " + parts.size() + " in one transaction: "
          + parts.stream().map(Step::describe).collect(Collectors.joining(" | "));
    }

    public String kind() {
      return "Batch";
    }

    public List<Step> simpler() {
      List<Step> out = new ArrayList<>(parts);
      if (parts.size() > 2) {
        for (int i = 0; i < parts.size(); i++) {
          List<Step> fewer = new ArrayList<>(parts);
          fewer.remove(i);
          out.add(new Batch(fewer));
        }
      }
      for (int i = 0; i < parts.size(); i++) {
        for (Step variant : parts.get(i).simpler()) {
          List<Step> p = new ArrayList<>(parts);
          p.set(i, variant);
          out.add(new Batch(p));
        }
      }
      return out;
    }
  }
}
