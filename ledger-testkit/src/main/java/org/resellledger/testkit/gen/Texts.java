package org.resellledger.testkit.gen;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Text that stresses storage and display while staying valid: words in several scripts, emoji (surrogate
 * pairs and joined sequences), right-to-left runs and combining marks. Lengths are counted in UTF-16 code
 * units, as the core's limits are, and a surrogate pair is never split.
 */
final class Texts {
  private Texts() {}

  static final List<String> ASCII_WORDS = List.of(
      "vintage", "Levi's", "jacket", "denim", "Pyrex", "bowl", "lot", "of", "3", "NWT", "size", "M", "OEM",
      "Nike", "Air", "Max", "90", "cast-iron", "skillet", "\"mint\"", "w/", "box", "&", "50%", "#7", "1/2");
  static final List<String> EMOJI = List.of("🧥", "👜", "🎸", "📦", "✨", "👩‍💻", "🇯🇵", "❤️", "👍🏽");
  static final List<String> CJK = List.of("ジャケット", "古着", "가방", "限定版", "中古品", "ヴィンテージ");
  static final List<String> RTL = List.of("שלום", "סוודר", "مرحبا", "حقيبة", "\u202Eabc\u202C");
  static final List<String> COMBINING = List.of("e\u0301", "n\u0303", "a\u0308\u0304", "Cafe\u0301", "Z\u0335");
  static final List<String> LATIN = List.of("Crème", "brûlée", "Straße", "Øresund", "Łódź", "naïve");

  /** One word of any script, ASCII most often. */
  static String atom(RandomGenerator random) {
    int roll = random.nextInt(20);
    List<String> pool;
    if (roll < 10) {
      pool = ASCII_WORDS;
    } else if (roll < 12) {
      pool = EMOJI;
    } else if (roll < 14) {
      pool = CJK;
    } else if (roll < 16) {
      pool = RTL;
    } else if (roll < 18) {
      pool = COMBINING;
    } else {
      pool = LATIN;
    }
    return pool.get(random.nextInt(pool.size()));
  }

  /**
   * Non-blank text of exactly {@code length} UTF-16 units, without leading or trailing whitespace, so that
   * the core's trimming leaves it unchanged.
   */
  static String ofLength(RandomGenerator random, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1");
    }
    StringBuilder sb = new StringBuilder(length);
    while (true) {
      String atom = atom(random);
      int need = (sb.length() == 0 ? 0 : 1) + atom.length();
      if (sb.length() + need > length) {
        break;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(atom);
    }
    while (sb.length() < length) {
      // pad with letters: never whitespace at the end, never half a surrogate pair
      sb.append((char) ('a' + random.nextInt(26)));
    }
    if (sb.length() > 0 && Character.isWhitespace(sb.charAt(0))) {
      sb.setCharAt(0, 'x');
    }
    return sb.toString();
  }
}
