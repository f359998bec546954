package org.resellledger.testkit.sim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;

/**
 * Rewrites core commands generically, so that no step type has to mirror a command's fields: a planned
 * command names listings and orders symbolically ({@code ListingId.of("L3")}, {@code OrderId.of("O2")}), and
 * {@link #resolve} swaps each such id, wherever it sits (a component, a list of lines, an optional), for the
 * id the ledger gave out in this run. Commands are records (core's commands all are); a record whose
 * components are unchanged is returned as it is, and a changed one is rebuilt through its canonical
 * constructor, so the command's own checks run again (a {@code RejectionException} from them is thrown, as
 * when the command is built by hand).
 *
 * <p>A new kind of id that steps refer to symbolically needs one line in {@link #resolve}.
 */
final class Symbols {
  private Symbols() {}

  /** {@code command} with every symbolic listing and order id resolved by {@code names}. */
  static <C extends Command> C resolve(C command, Names names) {
    return rewrite(command, x -> {
      if (x instanceof ListingId id) {
        return names.listing(id.value());
      } else if (x instanceof OrderId id) {
        return names.order(id.value());
      }
      return x;
    });
  }

  /** {@code command} sent from {@code origin} instead. */
  static <C extends Command> C withOrigin(C command, Origin origin) {
    return rewrite(command, x -> x instanceof Origin ? origin : x);
  }

  @SuppressWarnings("unchecked")
  private static <T> T rewrite(T value, UnaryOperator<Object> leaf) {
    return (T) walk(value, leaf);
  }

  private static Object walk(Object value, UnaryOperator<Object> leaf) {
    Object replaced = leaf.apply(value);
    if (replaced != value) {
      return replaced;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object element : list) {
        Object w = walk(element, leaf);
        changed |= w != element;
        out.add(w);
      }
      return changed ? List.copyOf(out) : value;
    }
    if (value instanceof Optional<?> optional) {
      if (optional.isEmpty()) {
        return value;
      }
      Object inner = optional.get();
      Object w = walk(inner, leaf);
      return w != inner ? Optional.of(w) : value;
    }
    if (value instanceof Record record) {
      return rebuild(record, leaf);
    }
    return value;
  }

  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      return type.getRecordComponents();
    }
  };

  private static Object rebuild(Record record, UnaryOperator<Object> leaf) {
    RecordComponent[] components = COMPONENTS.get(record.getClass());
    Object[] values = new Object[components.length];
    boolean changed = false;
    try {
      for (int i = 0; i < components.length; i++) {
        Object v = components[i].getAccessor().invoke(record);
        values[i] = walk(v, leaf);
        changed |= values[i] != v;
      }
      if (!changed) {
        return record;
      }
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot rebuild " + record.getClass().getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + record.getClass().getName(), e);
    }
  }
}
