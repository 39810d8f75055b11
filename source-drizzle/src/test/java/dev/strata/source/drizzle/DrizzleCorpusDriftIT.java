package dev.strata.source.drizzle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import dev.strata.api.schema.SchemaObjectType;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.DumpedObjects;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import dev.strata.testsupport.SchemaDump;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The drizzle corpus sets through schema inspection: the model has exactly the objects the native
 * dump shows, and {@code diff} right after migrating finds the schema the migrations make in a
 * scratch database to be the live one, object for object.
 */
class DrizzleCorpusDriftIT {
  @Test
  void aiChatbotOnPostgresHasNoDriftAfterMigrate(@PostgresTest IsolatedDatabase db)
      throws Exception {
    SchemaDiff diff =
        assertNoDriftAfterMigrate(
            Strata.configure()
                .url(db.jdbcUrl())
                .sources("drizzle:" + Corpus.require("drizzle-ai-chatbot-pg").resolve("migrations"))
                .load());

    assertThat(objects(diff.actual())).isEqualTo(DumpedObjects.postgres(SchemaDump.postgres(db)));
  }

  @Test
  void homarrOnMariaDbHasNoDriftAfterMigrate(@MySqlTest IsolatedDatabase db) throws Exception {
    SchemaDiff diff =
        assertNoDriftAfterMigrate(
            Strata.configure()
                .dataSource(db.dataSource())
                .sources("drizzle:" + Corpus.require("drizzle-homarr-mysql").resolve("migrations"))
                .load());

    assertThat(objects(diff.actual())).isEqualTo(DumpedObjects.mysql(SchemaDump.mysql(db)));
  }

  private static SchemaDiff assertNoDriftAfterMigrate(Strata strata) {
    strata.migrate();

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).as(diff.differences().toString()).isEmpty();
    assertThat(diff.pending()).isEmpty();
    assertThat(diff.actual().objects()).hasSizeGreaterThan(20);
    return diff;
  }

  /** The model's objects as {@link DumpedObjects} names them: all but columns. */
  private static Set<String> objects(SchemaModel model) {
    return model.objects().stream()
        .filter(o -> o.type() != SchemaObjectType.COLUMN)
        .map(SchemaObject::describe)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
