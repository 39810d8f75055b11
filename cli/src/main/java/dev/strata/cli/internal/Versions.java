package dev.strata.cli.internal;

import dev.strata.api.MigrationVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads migration versions from the command line; a bad one is a usage error. */
final class Versions {
  private Versions() {}

  /** {@code 3}, {@code 1.2}, {@code 20210410175418}. */
  static final class VersionConverter implements ITypeConverter<MigrationVersion> {
    @Override
    public MigrationVersion convert(String text) {
      try {
        return MigrationVersion.parse(text.strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A version or {@code latest}, kept as text for the {@code strata.target} property. */
  static final class TargetConverter implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      String t = text.strip();
      return t.equals("latest") ? t : new VersionConverter().convert(t).toString();
    }
  }
}
