package org.resellledger.core.item;

import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.value.Checks;

/**
 * Where the units sit: an area (room, unit, warehouse), and optionally a shelf and a bin within it. Written
 * {@code area/shelf/bin}, e.g. {@code GARAGE/S3/B12}.
 */
public record StorageLocation(String area, Optional<String> shelf, Optional<String> bin) {
  public StorageLocation {
    area = Checks.text("location.area", area, 40);
    shelf = Checks.present("location.shelf", shelf).map(s -> Checks.text("location.shelf", s, 40));
    bin = Checks.present("location.bin", bin).map(b -> Checks.text("location.bin", b, 40));
    if (bin.isPresent() && shelf.isEmpty()) {
      throw RejectionException.invalid("location", area + "//" + bin.get(), "a bin needs a shelf: area/shelf/bin");
    }
    for (String part : new String[] {area, shelf.orElse(""), bin.orElse("")}) {
      if (part.contains("/")) {
        throw RejectionException.invalid("location", part, "parts must not contain '/'");
      }
    }
  }

  public static StorageLocation of(String area) {
    return new StorageLocation(area, Optional.empty(), Optional.empty());
  }

  public static StorageLocation of(String area, String shelf, String bin) {
    return new StorageLocation(area, Optional.of(shelf), Optional.of(bin));
  }

  /** Parses {@code area}, {@code area/shelf} or {@code area/shelf/bin}. */
  public static StorageLocation parse(String text) {
    if (text == null || text.isBlank()) {
      throw RejectionException.invalid("location", text, "area, area/shelf or area/shelf/bin");
    }
    String[] parts = text.strip().split("\\s*/\\s*", -1);
    if (parts.length > 3) {
      throw RejectionException.invalid("location", text, "area, area/shelf or area/shelf/bin");
    }
    return new StorageLocation(
        parts[0],
        parts.length > 1 ? Optional.of(parts[1]) : Optional.empty(),
        parts.length > 2 ? Optional.of(parts[2]) : Optional.empty());
  }

  @Override
  public String toString() {
    return area + shelf.map(s -> "/" + s).orElse("") + bin.map(b -> "/" + b).orElse("");
  }
}
