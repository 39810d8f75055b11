package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationFailedException;
import dev.strata.api.ValidationException;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import dev.strata.api.schema.SchemaObjectType;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.DumpedObjects;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.SchemaDump;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The goose and Prisma corpus sets on MariaDB through schema inspection: the model has exactly the
 * objects {@code mariadb-dump} shows; {@code diff} finds no drift where every migration applies and
 * refuses, naming the failed migration, where one fails as under the native client.
 */
@MySqlTest
class ToolCorpusDriftOnMySqlIT {
  @Test
  void gophishHasNoDriftAfterMigrate(IsolatedDatabase db) throws Exception {
    Strata strata =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources(
                "goose-liamstask:" + Corpus.require("goose-gophish-mysql").resolve("migrations"))
            .load();
    strata.migrate();

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).as(diff.differences().toString()).isEmpty();
    assertThat(diff.actual().objects()).hasSizeGreaterThan(20);
    assertThat(objects(diff.actual())).isEqualTo(DumpedObjects.mysql(SchemaDump.mysql(db)));
  }

  @Test
  void umamiWhoseFifthMigrationFailsOnMariaDbIsRefusedWithTheReason(IsolatedDatabase db)
      throws Exception {
    Strata strata =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("prisma:" + Corpus.require("prisma-umami-mysql").resolve("migrations"))
            .load();
    assertThatThrownBy(strata::migrate).isInstanceOf(MigrationFailedException.class);

    assertThatThrownBy(strata::diff)
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("diff changed nothing: sources and history disagree")
        .hasMessageContaining("05");
    assertThat(objects(strata.inspectSchema()))
        .isEqualTo(DumpedObjects.mysql(SchemaDump.mysql(db)));
  }

  /** The model's objects as {@link DumpedObjects} names them: all but columns. */
  private static Set<String> objects(SchemaModel model) {
    return model.objects().stream()
        .filter(o -> o.type() != SchemaObjectType.COLUMN)
        .map(SchemaObject::describe)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
