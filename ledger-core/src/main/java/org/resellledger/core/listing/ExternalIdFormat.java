package org.resellledger.core.listing;

import java.util.Map;
import java.util.regex.Pattern;
import org.resellledger.core.RejectionException;

/**
 * The format of a listing's external id on each channel. The ledger checks it whenever a listing is given a
 * new external id, through any lane (API, CSV, channel event); an id already stored is never re-checked, so
 * records written before a format was known stay readable and editable.
 *
 * <table>
 *   <caption>formats</caption>
 *   <tr><th>channel</th><th>format</th><th>example</th></tr>
 *   <tr><td>ebay</td><td>12 digits</td><td>204512345678</td></tr>
 *   <tr><td>etsy</td><td>6 to 12 digits</td><td>1234567890</td></tr>
 *   <tr><td>shopify</td><td>1 to 20 digits, or gid://shopify/Product/digits</td><td>8012345678901</td></tr>
 *   <tr><td>poshmark</td><td>24 hex digits</td><td>64b7f0c2a1d3e4f5a6b7c8d9</td></tr>
 *   <tr><td>mercari</td><td>m and 11 digits</td><td>m12345678901</td></tr>
 *   <tr><td>facebook</td><td>10 to 20 digits</td><td>1234567890123456</td></tr>
 *   <tr><td>any other</td><td>1 to 100 of letters, digits and - _ . : / #, starting with a letter or digit</td>
 *   <td>VT-2231</td></tr>
 * </table>
 */
public final class ExternalIdFormat {
  private ExternalIdFormat() {}

  private record Rule(Pattern pattern, String description) {}

  private static final Map<String, Rule> RULES = Map.of(
      "ebay", new Rule(Pattern.compile("\\d{12}"), "an eBay item id is 12 digits, e.g. 204512345678"),
      "etsy", new Rule(Pattern.compile("\\d{6,12}"), "an Etsy listing id is 6 to 12 digits"),
      "shopify", new Rule(Pattern.compile("\\d{1,20}|gid://shopify/Product/\\d{1,20}"),
          "a Shopify product id is up to 20 digits, or gid://shopify/Product/<digits>"),
      "poshmark", new Rule(Pattern.compile("[0-9a-fA-F]{24}"), "a Poshmark listing id is 24 hex digits"),
      "mercari", new Rule(Pattern.compile("m\\d{11}"), "a Mercari item id is 'm' and 11 digits, e.g. m12345678901"),
      "facebook", new Rule(Pattern.compile("\\d{10,20}"), "a Facebook Marketplace id is 10 to 20 digits"));

  private static final Rule OTHER = new Rule(Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]{0,99}"),
      "an external id is 1 to 100 letters, digits, '-', '_', '.', ':', '/' or '#', starting with a letter or digit");

  /** Whether the id has the channel's format. */
  public static boolean matches(Channel channel, String externalId) {
    return externalId != null && rule(channel).pattern().matcher(externalId).matches();
  }

  /** What an external id on that channel looks like, in words. */
  public static String describe(Channel channel) {
    return rule(channel).description();
  }

  /**
   * The id, when it has the channel's format.
   *
   * @throws RejectionException {@code INVALID_VALUE} on {@code listing.externalId}, saying the format
   */
  public static String check(Channel channel, String externalId) {
    if (!matches(channel, externalId)) {
      throw RejectionException.invalid("listing.externalId", externalId, describe(channel) + " (channel " + channel + ")");
    }
    return externalId;
  }

  private static Rule rule(Channel channel) {
    return RULES.getOrDefault(channel.code(), OTHER);
  }
}
