package org.resellledger.csv;

import java.util.Map;
import java.util.regex.Pattern;
import org.resellledger.core.listing.Channel;

/**
 * The format of a listing's external id on each channel, checked when an import sets a new external id (a
 * stored id that the row leaves as it is is not re-checked).
 *
 * <table>
 *   <caption>rules</caption>
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
final class ExternalIds {
  private ExternalIds() {}

  private record Rule(Pattern pattern, String description) {}

  private static final Map<String, Rule> RULES = Map.of(
      "ebay", new Rule(Pattern.compile("\\d{12}"), "an eBay item id is 12 digits, e.g. 204512345678"),
      "etsy", new Rule(Pattern.compile("\\d{6,12}"), "an Etsy listing id is 6 to 12 digits"),
      "shopify", new Rule(Pattern.compile("\\d{1,20}|gid://shopify/Product/\\d{1,20}"),
          "a Shopify product id is up to 20 digits, or gid://shopify/Product/<digits>"),
      "poshmark", new Rule(Pattern.compile("[0-9a-fA-F]{24}"), "a Poshmark listing id is 24 hex digits"),
      "mercari", new Rule(Pattern.compile("m\\d{11}"), "a Mercari item id is 'm' and 11 digits, e.g. m12345678901"),
      "facebook", new Rule(Pattern.compile("\\d{10,20}"), "a Facebook Marketplace id is 10 to 20 digits"));

  private static final Rule GENERIC = new Rule(Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]{0,99}"),
      "an external id is 1 to 100 letters, digits, '-', '_', '.', ':', '/' or '#', starting with a letter or digit");

  /** Throws {@link BadCell} when the id does not have the channel's format. */
  static String check(Channel channel, String externalId) {
    Rule rule = RULES.getOrDefault(channel.code(), GENERIC);
    if (!rule.pattern().matcher(externalId).matches()) {
      throw new BadCell(ImportErrorCode.EXTERNAL_ID_FORMAT, rule.description());
    }
    return externalId;
  }
}
