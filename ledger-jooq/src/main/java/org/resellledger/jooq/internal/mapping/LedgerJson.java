package org.resellledger.jooq.internal.mapping;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.databind.deser.std.StdDelegatingDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;

/**
 * The JSON used for payloads and projection documents. Core has no Jackson, so everything it needs is
 * declared here:
 *
 * <ul>
 *   <li>typed ids and channels are plain strings;
 *   <li>{@link ItemDetails} and {@link ListingDetails} go through {@link ItemDetailsJson} / {@link
 *       ListingDetailsJson} and their public builders, so a stored value passes the same checks as a new one;
 *   <li>instants and dates are ISO-8601 text (exact to the nanosecond), amounts are plain decimals;
 *   <li>an empty {@code Optional} is written as {@code null} and read back as empty.
 * </ul>
 *
 * Payloads carry no type tag: the event's {@code kind} column names the record, see {@link #payloadType}.
 */
final class LedgerJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .addModule(ledgerModule())
      // records are written through their public component accessors and read through their canonical
      // constructors: public API only, so the store works with ledger-core on the module path without core
      // opening its packages (private fields would need `opens`). Never through is-getters such as
      // Money.isZero(), which would add properties that are not part of the value.
      .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.PUBLIC_ONLY)
      .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
      // public members of core's exported types need no setAccessible, and on the module path it would fail
      .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  /** Every payload record by its kind name; derived from the sealed interface so a new kind needs no edit. */
  private static final Map<String, Class<? extends EventPayload>> KINDS = EventPayload.kinds().stream()
      .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private static final Map<Class<?>, ObjectReader> PAYLOAD_READERS = KINDS.values().stream()
      .collect(Collectors.toUnmodifiableMap(Function.identity(), MAPPER::readerFor));

  private LedgerJson() {}

  static Class<? extends EventPayload> payloadType(String kind) {
    Class<? extends EventPayload> type = KINDS.get(kind);
    if (type == null) {
      throw new IllegalStateException("stored event kind " + kind + " is not an EventPayload of this ledger-core");
    }
    return type;
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static EventPayload readPayload(String kind, String json) {
    try {
      return PAYLOAD_READERS.get(payloadType(kind)).readValue(json);
    } catch (IOException e) {
      throw new IllegalStateException("stored " + kind + " payload cannot be read: " + json, e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read: " + json, e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("stored " + type.getType() + " cannot be read: " + json, e);
    }
  }

  private static SimpleModule ledgerModule() {
    SimpleModule module = new SimpleModule("resell-ledger");
    asString(module, Sku.class, Sku::value, Sku::of);
    asString(module, ItemId.class, ItemId::value, ItemId::of);
    asString(module, ListingId.class, ListingId::value, ListingId::of);
    asString(module, OrderId.class, OrderId::value, OrderId::of);
    asString(module, EventId.class, EventId::value, EventId::of);
    asString(module, Channel.class, Channel::code, Channel::of);
    asString(module, ProposalId.class, ProposalId::value, ProposalId::of);
    asString(module, CountSessionId.class, CountSessionId::value, CountSessionId::of);
    viaShape(module, ItemDetails.class, ItemDetailsJson.class, ItemDetailsJson::of, ItemDetailsJson::toDetails);
    viaShape(module, ListingDetails.class, ListingDetailsJson.class, ListingDetailsJson::of,
        ListingDetailsJson::toDetails);
    return module;
  }

  private static <T> void asString(SimpleModule module, Class<T> type, Function<T, String> text,
      Function<String, T> parse) {
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(text.apply(value));
      }
    });
    module.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return parse.apply(p.getValueAsString());
      }
    });
  }

  /** Writes {@code T} as its stored shape {@code S}, and reads it back through {@code S}. */
  private static <T, S> void viaShape(SimpleModule module, Class<T> type, Class<S> shape, Function<T, S> toShape,
      Function<S, T> fromShape) {
    // the converters name their types: Jackson cannot see them through the lambdas' type variables
    module.addSerializer(type, new StdDelegatingSerializer(new StdConverter<T, S>() {
      @Override
      public S convert(T value) {
        return toShape.apply(value);
      }

      @Override
      public JavaType getInputType(TypeFactory types) {
        return types.constructType(type);
      }

      @Override
      public JavaType getOutputType(TypeFactory types) {
        return types.constructType(shape);
      }
    }));
    module.addDeserializer(type, new StdDelegatingDeserializer<>(new StdConverter<S, T>() {
      @Override
      public T convert(S value) {
        return fromShape.apply(value);
      }

      @Override
      public JavaType getInputType(TypeFactory types) {
        return types.constructType(shape);
      }

      @Override
      public JavaType getOutputType(TypeFactory types) {
        return types.constructType(type);
      }
    }));
  }
}
