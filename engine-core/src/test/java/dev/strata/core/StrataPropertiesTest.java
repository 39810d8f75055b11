package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrataPropertiesTest {
  @TempDir Path dir;

  private Path configFile(String content) throws IOException {
    return Files.writeString(dir.resolve("strata.properties"), content);
  }

  private static Properties system(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @ParameterizedTest
  @CsvSource({
    "url,          STRATA_URL",
    "user,         STRATA_USER",
    "password,     STRATA_PASSWORD",
    "passwordFile, STRATA_PASSWORD_FILE",
    "sources,      STRATA_SOURCES",
    "schema,       STRATA_SCHEMA",
    "table,        STRATA_TABLE",
    "lockTimeout,  STRATA_LOCK_TIMEOUT",
    "target,       STRATA_TARGET",
    "outOfOrder,   STRATA_OUT_OF_ORDER",
    "ignore,       STRATA_IGNORE",
    "dialect,      STRATA_DIALECT",
    "config,       STRATA_CONFIG"
  })
  void namesEnvironmentVariablesInUpperSnakeCase(String key, String variable) {
    assertThat(StrataProperties.environmentName(key)).isEqualTo(variable);
  }

  @Test
  void everyOptionHasAnEnvironmentVariable() {
    assertThat(StrataOption.keys())
        .allSatisfy(
            key -> assertThat(StrataProperties.environmentName(key)).matches("STRATA_[A-Z_]+"));
  }

  @Test
  void readsAnOptionFromTheFile() throws IOException {
    Path file = configFile("strata.url=jdbc:h2:mem:file\nstrata.lockTimeout=30s\n");

    Map<String, String> merged = StrataProperties.load(file, Map.of(), new Properties());

    assertThat(merged)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("strata.url", "jdbc:h2:mem:file", "strata.lockTimeout", "30s"));
  }

  @Test
  void acceptsKeysInTheFileWithoutTheStrataPrefix() throws IOException {
    Path file = configFile("url=jdbc:h2:mem:short\n");

    assertThat(StrataProperties.load(file, Map.of(), new Properties()))
        .containsEntry("strata.url", "jdbc:h2:mem:short");
  }

  @Test
  void theEnvironmentOverridesTheFile() throws IOException {
    Path file = configFile("strata.url=jdbc:h2:mem:file\nstrata.user=file-user\n");

    Map<String, String> merged =
        StrataProperties.load(file, Map.of("STRATA_URL", "jdbc:h2:mem:env"), new Properties());

    assertThat(merged)
        .containsEntry("strata.url", "jdbc:h2:mem:env")
        .containsEntry("strata.user", "file-user");
  }

  @Test
  void systemPropertiesOverrideTheEnvironmentAndTheFile() throws IOException {
    Path file =
        configFile(
            "strata.url=jdbc:h2:mem:file\nstrata.user=file-user\nstrata.schema=file-schema\n");

    Map<String, String> merged =
        StrataProperties.load(
            file,
            Map.of("STRATA_URL", "jdbc:h2:mem:env", "STRATA_USER", "env-user"),
            system("strata.url", "jdbc:h2:mem:system"));

    assertThat(merged)
        .containsEntry("strata.url", "jdbc:h2:mem:system")
        .containsEntry("strata.user", "env-user")
        .containsEntry("strata.schema", "file-schema");
  }

  @Test
  void readsTheLockTimeoutFromStrataLockTimeout() {
    Map<String, String> merged =
        StrataProperties.load(null, Map.of("STRATA_LOCK_TIMEOUT", "2m"), new Properties());

    assertThat(merged).containsExactly(Map.entry("strata.lockTimeout", "2m"));
  }

  @Test
  void ignoresEnvironmentVariablesAndSystemPropertiesThatAreNotOptions() {
    Map<String, String> merged =
        StrataProperties.load(
            null,
            Map.of("PATH", "/usr/bin", "STRATA_LOCKTIMEOUT", "1s", "STRATA_lockTimeout", "1s"),
            system("java.version", "17", "strata.lock_timeout", "1s"));

    assertThat(merged).isEmpty();
  }

  @Test
  void refusesAnUnknownKeyInTheFileNamingFileKeyAndKnownOptions() throws IOException {
    Path file = configFile("strata.url=jdbc:h2:mem:x\nstrata.lockTimeot=30s\n");

    assertThatExceptionOfType(ConfigurationException.class)
        .isThrownBy(() -> StrataProperties.load(file, Map.of(), new Properties()))
        .withMessage(
            file
                + ": unknown option strata.lockTimeot; known options: url, user, password,"
                + " passwordFile, sources, schema, table, lockTimeout, lockMode, leaseTimeToLive, ddlLockTimeout,"
                + " statementTimeout, target, outOfOrder,"
                + " phase, lintGate, ignore, dialect, release, config");
  }

  @Test
  void refusesAnUnknownUnprefixedKeyInTheFile() throws IOException {
    Path file = configFile("flyway.url=jdbc:h2:mem:x\n");

    assertThatExceptionOfType(ConfigurationException.class)
        .isThrownBy(() -> StrataProperties.load(file, Map.of(), new Properties()))
        .withMessageContaining("unknown option flyway.url");
  }

  @Test
  void aListOptionInAHigherLayerReplacesTheLowerList() throws IOException {
    Path file = configFile("strata.sources=filesystem:a, filesystem:b\n");

    Map<String, String> fromEnv =
        StrataProperties.load(file, Map.of("STRATA_SOURCES", "filesystem:c"), new Properties());
    Map<String, String> fromSystem =
        StrataProperties.load(
            file,
            Map.of("STRATA_SOURCES", "filesystem:c"),
            system("strata.sources", "filesystem:d,filesystem:e"));

    assertThat(StrataProperties.splitList(fromEnv.get("strata.sources")))
        .containsExactly("filesystem:c");
    assertThat(StrataProperties.splitList(fromSystem.get("strata.sources")))
        .containsExactly("filesystem:d", "filesystem:e");
  }

  @Test
  void readsTheIgnoreGlobsFromTheFileAndTheEnvironmentAsAList() throws IOException {
    Path file = configFile("strata.ignore=V7_fix.sql, legacy/**\n");

    Map<String, String> fromFile = StrataProperties.load(file, Map.of(), new Properties());
    Map<String, String> fromEnv =
        StrataProperties.load(file, Map.of("STRATA_IGNORE", "*.go.sql,x.sql"), new Properties());

    assertThat(
            Strata.configure()
                .url("jdbc:h2:mem:x")
                .properties(fromFile)
                .load()
                .configuration()
                .ignore())
        .containsExactly("V7_fix.sql", "legacy/**");
    assertThat(
            Strata.configure()
                .url("jdbc:h2:mem:x")
                .properties(fromEnv)
                .load()
                .configuration()
                .ignore())
        .containsExactly("*.go.sql", "x.sql");
  }

  @Test
  void splitsAListOnCommasTrimmingBlanks() {
    assertThat(StrataProperties.splitList(" filesystem:a ,filesystem:b,, ,classpath:db "))
        .containsExactly("filesystem:a", "filesystem:b", "classpath:db");
    assertThat(StrataProperties.splitList("")).isEmpty();
  }

  @Test
  void findsTheFileThroughStrataConfig() throws IOException {
    Path file = configFile("strata.table=from_file\n");

    Map<String, String> merged =
        StrataProperties.load(null, Map.of("STRATA_CONFIG", file.toString()), new Properties());

    assertThat(merged).containsEntry("strata.table", "from_file");
  }

  @Test
  void findsTheFileThroughTheStrataConfigSystemProperty() throws IOException {
    Path file = configFile("strata.table=from_file\n");

    Map<String, String> merged =
        StrataProperties.load(null, Map.of(), system("strata.config", file.toString()));

    assertThat(merged).containsEntry("strata.table", "from_file");
  }

  @Test
  void anExplicitFileWinsOverStrataConfig() throws IOException {
    Path explicit = configFile("strata.table=explicit\n");
    Path other = Files.writeString(dir.resolve("other.properties"), "strata.table=other\n");

    Map<String, String> merged =
        StrataProperties.load(
            explicit, Map.of("STRATA_CONFIG", other.toString()), new Properties());

    assertThat(merged).containsEntry("strata.table", "explicit");
  }

  @Test
  void readsNoFileUnlessOneIsNamed() {
    assertThat(StrataProperties.load(null, Map.of(), new Properties())).isEmpty();
  }

  @Test
  void refusesAFileThatCannotBeReadNamingIt() {
    Path absent = dir.resolve("absent.properties");

    assertThatExceptionOfType(ConfigurationException.class)
        .isThrownBy(() -> StrataProperties.load(absent, Map.of(), new Properties()))
        .withMessageStartingWith(
            "Cannot read the configuration file " + absent + " (strata.config): ");
  }

  @Test
  void readsTheFileAsUtf8() throws IOException {
    Path file = dir.resolve("strata.properties");
    Files.writeString(file, "strata.user=j\u00fcrgen\n", java.nio.charset.StandardCharsets.UTF_8);

    assertThat(StrataProperties.load(file, Map.of(), new Properties()))
        .containsEntry("strata.user", "j\u00fcrgen");
  }

  @Test
  void readsAPasswordFileWithoutItsTrailingNewline() throws IOException {
    Path secret = Files.writeString(dir.resolve("password"), "s3cret\n");

    assertThat(StrataProperties.readPasswordFile(secret.toString())).isEqualTo("s3cret");
  }

  @Test
  void refusesAPasswordFileThatCannotBeReadNamingTheOption() {
    Path absent = dir.resolve("absent");

    assertThatExceptionOfType(ConfigurationException.class)
        .isThrownBy(() -> StrataProperties.readPasswordFile(absent.toString()))
        .withMessageStartingWith(
            "Cannot read the password file " + absent + " (strata.passwordFile): ");
  }
}
