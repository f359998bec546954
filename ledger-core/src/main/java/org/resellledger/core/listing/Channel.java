package org.resellledger.core.listing;

import java.util.Locale;
import java.util.regex.Pattern;
import org.resellledger.core.RejectionException;

/**
 * A place to sell. An open set: the well-known channels are constants, and a host app may name others
 * ({@code Channel.of("vinted")}). Codes are lower-case letters, digits, '-' and '_', 1 to 32 characters.
 */
public record Channel(String code) implements Comparable<Channel> {
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public static final Channel EBAY = new Channel("ebay");
  public static final Channel SHOPIFY = new Channel("shopify");
  public static final Channel ETSY = new Channel("etsy");
  public static final Channel POSHMARK = new Channel("poshmark");
  public static final Channel MERCARI = new Channel("mercari");
  public static final Channel FACEBOOK = new Channel("facebook");
  /** In person: markets, shows, pickups. */
  public static final Channel LOCAL = new Channel("local");

  public Channel {
    if (code == null || code.isBlank()) {
      throw RejectionException.invalid("channel", code, "a channel code such as ebay, etsy, local");
    }
    code = code.strip().toLowerCase(Locale.ROOT);
    if (!FORMAT.matcher(code).matches()) {
      throw RejectionException.invalid("channel", code, "lower-case letters, digits, '-' or '_', 1-32 characters");
    }
  }

  /** The well-known channels, the constants above. */
  public static java.util.List<Channel> wellKnown() {
    return java.util.List.of(EBAY, SHOPIFY, ETSY, POSHMARK, MERCARI, FACEBOOK, LOCAL);
  }

  public static Channel of(String code) {
    return new Channel(code);
  }

  @Override
  public int compareTo(Channel o) {
    return code.compareTo(o.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
