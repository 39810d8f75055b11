package dev.strata.source.classpath.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * The central directory of a zip archive that lies somewhere inside a file: the whole file, or a
 * jar stored uncompressed inside another jar (Spring Boot's {@code BOOT-INF/lib/*.jar}). Reading
 * only the directory finds a nested jar's entry names without reading its content, which is what
 * makes looking into the libraries of a fat jar cheap. It handles what jar tools write: stored and
 * deflated entries, data descriptors, bytes before the archive (a launch script); zip64 and
 * encrypted archives throw {@link ZipException}, and callers fall back to streaming.
 */
final class ZipDirectory {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int END_LENGTH = 22;

  /** One entry: its name and where its bytes are, relative to the archive's start. */
  record Entry(String name, int method, long compressedSize, long size, long localHeaderOffset) {}

  private final long base;
  private final Map<String, Entry> entries;

  private ZipDirectory(long base, Map<String, Entry> entries) {
    this.base = base;
    this.entries = entries;
  }

  /** Reads the directory of the archive occupying {@code length} bytes from {@code start}. */
  static ZipDirectory read(FileChannel channel, long start, long length) throws IOException {
    if (length < END_LENGTH) {
      throw new ZipException("not a zip archive (" + length + " bytes)");
    }
    int tailLength = (int) Math.min(length, END_LENGTH + 0xFFFF);
    long tailStart = start + length - tailLength;
    ByteBuffer tail = read(channel, tailStart, tailLength);
    int end = -1;
    for (int i = tailLength - END_LENGTH; i >= 0; i--) {
      if (tail.getInt(i) == END_SIGNATURE && i + END_LENGTH + u16(tail, i + 20) <= tailLength) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new ZipException("not a zip archive (no end of central directory)");
    }
    int count = u16(tail, end + 10);
    long directoryLength = u32(tail, end + 12);
    long directoryOffset = u32(tail, end + 16);
    if (count == 0xFFFF || directoryLength == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
      throw new ZipException("zip64 archives are read by streaming");
    }
    long directoryStart = tailStart + end - directoryLength;
    if (directoryStart < start || directoryLength > Integer.MAX_VALUE) {
      throw new ZipException("corrupt central directory");
    }
    // Bytes before the archive (a launch script) shift every offset the archive records.
    long base = directoryStart - directoryOffset;
    ByteBuffer directory = read(channel, directoryStart, (int) directoryLength);
    Map<String, Entry> entries = new LinkedHashMap<>();
    int at = 0;
    for (int i = 0; i < count; i++) {
      if (at + 46 > directoryLength || directory.getInt(at) != CENTRAL_SIGNATURE) {
        throw new ZipException("corrupt central directory entry " + i);
      }
      int flags = u16(directory, at + 8);
      long compressed = u32(directory, at + 20);
      long size = u32(directory, at + 24);
      int nameLength = u16(directory, at + 28);
      int extraLength = u16(directory, at + 30);
      int commentLength = u16(directory, at + 32);
      long offset = u32(directory, at + 42);
      if ((flags & 1) != 0) {
        throw new ZipException("encrypted entries are not supported");
      }
      if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
        throw new ZipException("zip64 archives are read by streaming");
      }
      byte[] name = new byte[nameLength];
      directory.get(at + 46, name);
      String entryName = new String(name, StandardCharsets.UTF_8);
      entries.put(
          entryName, new Entry(entryName, u16(directory, at + 10), compressed, size, offset));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipDirectory(base, Collections.unmodifiableMap(entries));
  }

  /** Every entry, by name, in the archive's order. */
  Map<String, Entry> entries() {
    return entries;
  }

  @Nullable Entry entry(String name) {
    return entries.get(name);
  }

  /**
   * The directory of a jar stored inside this archive, or {@code null} when it is compressed (so
   * only streaming can read it).
   */
  @Nullable ZipDirectory nested(FileChannel channel, Entry entry) throws IOException {
    if (entry.method() != ZipEntry.STORED) {
      return null;
    }
    return read(channel, dataStart(channel, entry), entry.compressedSize());
  }

  /** An entry's uncompressed bytes. */
  byte[] read(FileChannel channel, Entry entry) throws IOException {
    if (entry.compressedSize() > Integer.MAX_VALUE - 8 || entry.size() > Integer.MAX_VALUE - 8) {
      throw new ZipException(entry.name() + " is too large");
    }
    ByteBuffer raw = read(channel, dataStart(channel, entry), (int) entry.compressedSize());
    return switch (entry.method()) {
      case ZipEntry.STORED -> raw.array();
      case ZipEntry.DEFLATED -> inflate(raw.array(), (int) entry.size(), entry.name());
      default ->
          throw new ZipException(
              entry.name()
                  + " uses compression method "
                  + entry.method()
                  + "; store or deflate it");
    };
  }

  private long dataStart(FileChannel channel, Entry entry) throws IOException {
    long local = base + entry.localHeaderOffset();
    ByteBuffer header = read(channel, local, 30);
    if (header.getInt(0) != LOCAL_SIGNATURE) {
      throw new ZipException("corrupt local header of " + entry.name());
    }
    // The local header's own lengths: its extra field may differ from the central one.
    return local + 30 + u16(header, 26) + u16(header, 28);
  }

  private static byte[] inflate(byte[] raw, int size, String name) throws ZipException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(raw);
      byte[] out = new byte[size];
      int n = 0;
      boolean padded = false;
      while (n < size && !inflater.finished()) {
        int k = inflater.inflate(out, n, size - n);
        if (k == 0) {
          if (padded || !inflater.needsInput()) {
            throw new ZipException(name + " is truncated");
          }
          // Raw inflate may want one byte past the data to finish, as ZipFile gives it.
          inflater.setInput(new byte[1]);
          padded = true;
        }
        n += k;
      }
      if (n != size) {
        throw new ZipException(name + " is truncated");
      }
      return out;
    } catch (DataFormatException e) {
      throw new ZipException(name + " is corrupt: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  private static ByteBuffer read(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("unexpected end of archive");
      }
    }
    return buffer;
  }

  private static int u16(ByteBuffer b, int at) {
    return Short.toUnsignedInt(b.getShort(at));
  }

  private static long u32(ByteBuffer b, int at) {
    return Integer.toUnsignedLong(b.getInt(at));
  }
}
