package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import dev.strata.spi.support.MigrationFileName;
import java.sql.Connection;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** How the engine finds the dialect, and what the dialect says about itself and its database. */
abstract class DiscoveryConformance extends ConformanceGroup {

  @Test
  void isFoundByServiceLoaderFromTheConnectionMetadata() throws Exception {
    DatabaseProduct product;
    try (Connection c = fixture().connect()) {
      product = DatabaseProduct.of(c.getMetaData());
    }
    List<Class<?>> supporting =
        ServiceLoader.load(DialectProvider.class, Strata.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.supports(product))
            .<Class<?>>map(Object::getClass)
            .toList();

    assertThat(supporting)
        .as(
            "providers registered in META-INF/services/%s that support %s",
            DialectProvider.class.getName(), product)
        .containsExactly(fixture().provider().getClass());
  }

  @Test
  void isChosenByTheEngineWithoutBeingNamed() throws Exception {
    fixture().file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n");

    MigrateResult result =
        Strata.configure()
            .dataSource(fixture().database().dataSource())
            .sources(fixture().location())
            .lockTimeout(TckFixture.ENGINE_LOCK_TIMEOUT)
            .load()
            .migrate();

    assertThat(result.applied()).hasSize(1);
    assertThat(fixture().tables()).contains("tck_first");
  }

  @Test
  void supportsItsSampleProductAndNoUnknownDatabase() {
    DialectProvider provider = fixture().provider();
    DatabaseProduct sample = fixture().tck().sampleProduct();
    DatabaseProduct unknown =
        new DatabaseProduct("NoSuchDatabase", "1.0", 1, 0, "jdbc:nosuchdatabase://localhost/x");

    assertThat(provider.supports(sample)).as("supports %s", sample).isTrue();
    assertThat(provider.supports(unknown)).as("supports %s", unknown).isFalse();
  }

  @Test
  void isNamedAsUsersForceItAndTagsFilesInLowerCase() {
    Dialect dialect = fixture().offlineDialect();

    assertThat(fixture().provider().name()).matches("[a-z0-9]+");
    assertThat(dialect.name()).isEqualTo(fixture().provider().name());
    assertThat(dialect.fileTags())
        .as("file tags, as in 1_init.<tag>.up.sql")
        .isNotEmpty()
        .allSatisfy(tag -> assertThat(tag).matches("[a-z0-9]+"))
        // Any other segment before .up.sql is part of a golang-migrate title, never a tag.
        .allSatisfy(tag -> assertThat(MigrationFileName.DIALECT_TAGS).contains(tag));
  }

  @Test
  void runsTheFileTaggedForItInsteadOfTheUntaggedOne() throws Exception {
    String tag = fixture().dialect().fileTags().iterator().next();
    fixture()
        .file("1_table.up.sql", "CREATE TABLE tck_untagged (id INT);\n")
        .file("1_table." + tag + ".up.sql", "CREATE TABLE tck_tagged (id INT);\n");

    fixture().strata().migrate();

    assertThat(fixture().tables()).contains("tck_tagged").doesNotContain("tck_untagged");
  }

  @Test
  void reportsTheSchemaAFreshConnectionWorksIn() throws Exception {
    try (Connection c = fixture().connect()) {
      assertThat(fixture().dialect().currentSchema(c)).isEqualTo(fixture().schema());
    }
  }
}
