package org.resellledger.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a UTF-8 CSV file, read defensively before commons-csv sees them.
 *
 * <ul>
 *   <li>Bytes that are not valid UTF-8 stop the read with {@link ImportErrorCode#INVALID_ENCODING} (a strict
 *       decoder that REPORTs, never a silent replacement character).
 *   <li>A leading byte-order mark is dropped.
 *   <li>A cell longer than the limit stops the read with {@link ImportErrorCode#FIELD_TOO_LARGE} before it is
 *       buffered whole, so a hostile file cannot exhaust memory.
 *   <li>Both errors name the exact row and column: this reader follows the RFC 4180 quoting itself (quotes,
 *       commas, CR, LF, CRLF), so it knows where each character is even though the parser reads ahead; it
 *       keeps the header's cells to name the column.
 * </ul>
 */
final class GuardedReader extends Reader {
  private final InputStream in;
  private final int maxFieldChars;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private boolean eof;
  private boolean flushed;
  private boolean first = true;
  private CoderResult pendingError;

  // where the next character goes: row (the header is row 1), column (from 1), length of the current cell
  private long row = 1;
  private int column = 1;
  private int fieldChars;
  private boolean inQuotes;
  private boolean afterCr;
  private final java.util.List<StringBuilder> headerCells = new java.util.ArrayList<>();

  GuardedReader(InputStream in, int maxFieldChars) {
    this.in = in;
    this.maxFieldChars = maxFieldChars;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (pendingError != null) {
      throw encodingError(pendingError); // every character before the bad bytes has been handed over
    }
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (true) {
      CoderResult result = flushed ? CoderResult.UNDERFLOW : decoder.decode(bytes, out, eof);
      if (result.isError()) {
        if (out.position() > off) {
          pendingError = result; // hand over the good characters first; the next read throws
          break;
        }
        throw encodingError(result);
      }
      if (result.isOverflow() || out.position() > off) {
        break;
      }
      if (eof) {
        if (!flushed) {
          decoder.flush(out);
          flushed = true;
        }
        if (out.position() == off) {
          return -1;
        }
        break;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    int start = off;
    int end = out.position();
    if (first) {
      first = false;
      if (buf[start] == '\uFEFF') {
        start++; // drop the byte-order mark: shift what follows into place
        System.arraycopy(buf, start, buf, off, end - start);
        end--;
        if (end == off) {
          return read(buf, off, len);
        }
      }
    }
    scan(buf, off, end);
    return end - off;
  }

  /** Follows every character handed over: the tight loop skips runs of characters with no meaning to CSV. */
  private void scan(char[] buf, int from, int end) throws CsvInputException {
    int i = from;
    while (i < end) {
      if (row > 1 && !afterCr) {
        int start = i;
        while (i < end && buf[i] > ',') {
          i++;
        }
        fieldChars += i - start;
        if (fieldChars > maxFieldChars) {
          throw tooLarge();
        }
        if (i == end) {
          break;
        }
      }
      track(buf[i++]);
    }
  }

  /** The header cells as read so far (row 1), to name the column of an error found before the parser has it. */
  String headerName(int column) {
    return column <= headerCells.size() && !headerCells.get(column - 1).toString().isBlank()
        ? headerCells.get(column - 1).toString().strip() : "#" + column;
  }

  private void track(char c) throws CsvInputException {
    if (inQuotes) {
      if (c == '"') {
        inQuotes = false; // a doubled quote re-enters at once
      } else {
        count(c);
      }
    } else if (c == '"') {
      inQuotes = true;
    } else if (c == ',') {
      column++;
      fieldChars = 0;
    } else if (c == '\n') {
      if (!afterCr) {
        nextRow();
      }
    } else if (c == '\r') {
      nextRow();
    } else {
      count(c);
    }
    afterCr = c == '\r' && !inQuotes;
  }

  private void count(char c) throws CsvInputException {
    if (row == 1) {
      while (headerCells.size() < column) {
        headerCells.add(new StringBuilder());
      }
      if (headerCells.get(column - 1).length() < 200) {
        headerCells.get(column - 1).append(c);
      }
    }
    if (++fieldChars > maxFieldChars) {
      throw tooLarge();
    }
  }

  private CsvInputException tooLarge() {
    return new CsvInputException(ImportErrorCode.FIELD_TOO_LARGE, row, column,
        "cell is longer than the limit of " + maxFieldChars + " characters");
  }

  private void nextRow() {
    row++;
    column = 1;
    fieldChars = 0;
  }

  private IOException encodingError(CoderResult result) {
    try {
      result.throwException();
    } catch (CharacterCodingException e) {
      // fall through to our own message
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
      hex.append(String.format("%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    return new CsvInputException(ImportErrorCode.INVALID_ENCODING, row, column,
        "bytes 0x" + hex + " are not valid UTF-8; save the file as UTF-8");
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
