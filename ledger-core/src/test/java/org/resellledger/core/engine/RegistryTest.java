package org.resellledger.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.EventPayload;

/** Dispatch is complete: every kind of command has a handler, every kind of fact a fold. */
class RegistryTest {

  /** The records of a sealed hierarchy, walked through {@link Class#getPermittedSubclasses()}. */
  static List<Class<?>> records(Class<?> root) {
    List<Class<?>> found = new ArrayList<>();
    Deque<Class<?>> open = new ArrayDeque<>(List.of(root));
    while (!open.isEmpty()) {
      Class<?> type = open.pop();
      if (type.isRecord()) {
        found.add(type);
      } else {
        assertThat(type.isSealed()).as("%s is sealed, so the walk sees every kind", type.getName()).isTrue();
        open.addAll(List.of(type.getPermittedSubclasses()));
      }
    }
    return found;
  }

  @Test
  void everyCommandKind_hasAHandler() {
    List<Class<?>> commands = records(Command.class);

    assertThat(commands).hasSizeGreaterThanOrEqualTo(26);
    assertThat(commands).allSatisfy(kind ->
        assertThat(Registry.standard().commandKinds()).as("a handler for %s", kind.getName()).contains(kind));
    assertThat(Registry.standard().commandKinds()).containsExactlyInAnyOrderElementsOf(commands);
  }

  @Test
  void everyEventKind_hasAFold() {
    List<Class<?>> facts = records(EventPayload.class);

    assertThat(facts).hasSizeGreaterThanOrEqualTo(33).containsExactlyInAnyOrderElementsOf(EventPayload.kinds());
    assertThat(facts).allSatisfy(kind ->
        assertThat(Registry.standard().factKinds()).as("a fold for %s", kind.getName()).contains(kind));
    assertThat(Registry.standard().factKinds()).containsExactlyInAnyOrderElementsOf(facts);
  }

  @Test
  void factKinds_haveUniqueSimpleNames_becauseStoredEventsAreReadByThem() {
    assertThat(records(EventPayload.class).stream().map(Class::getSimpleName)).doesNotHaveDuplicates();
  }
}
