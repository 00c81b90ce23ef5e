package org.rehabnet.platform.web.paging;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;
import org.rehabnet.platform.web.problem.InvalidField;

/**
 * The opaque {@code cursor} parameter: a {@link Position} as base64url (version, microseconds since
 * the epoch, id, CRC-32). The checksum turns a mangled or hand-edited cursor into a 400 rather than a
 * silently different page; it is no secret, and needs none: a cursor only says where to resume inside
 * a window the caller may read anyway, and {@link Window} refuses one outside its window.
 */
public final class Cursor {

  private static final byte VERSION = 1;
  private static final int LENGTH = 1 + Long.BYTES + 2 * Long.BYTES + Integer.BYTES;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Cursor() {}

  public static String encode(Position position) {
    ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
    bytes.put(VERSION);
    bytes.putLong(micros(position.at()));
    bytes.putLong(position.id().getMostSignificantBits());
    bytes.putLong(position.id().getLeastSignificantBits());
    bytes.putInt(checksum(bytes.array(), LENGTH - Integer.BYTES));
    return ENCODER.encodeToString(bytes.array());
  }

  /** The position a cursor names; a cursor this class did not write is a 400 naming {@code cursor}. */
  public static Position decode(String cursor) {
    byte[] raw;
    try {
      raw = DECODER.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (raw.length != LENGTH || raw[0] != VERSION) {
      throw invalid();
    }
    ByteBuffer bytes = ByteBuffer.wrap(raw);
    bytes.get();
    long micros = bytes.getLong();
    UUID id = new UUID(bytes.getLong(), bytes.getLong());
    if (bytes.getInt() != checksum(raw, LENGTH - Integer.BYTES)) {
      throw invalid();
    }
    try {
      return new Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw invalid();
    }
  }

  // PostgreSQL keeps microseconds: a finer instant would not match the row it came from.
  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  private static int checksum(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private static InvalidField invalid() {
    return new InvalidField("cursor", "is not a cursor this list gave out; start again without it");
  }
}
