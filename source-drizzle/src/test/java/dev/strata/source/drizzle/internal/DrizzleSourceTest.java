package dev.strata.source.drizzle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationVersion;
import dev.strata.api.StrataEvent;
import dev.strata.source.drizzle.DrizzleSourceProvider;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrizzleSourceTest {
  private static final SourceSettings DEFAULTS = SourceSettings.defaults();

  @TempDir Path dir;

  private DrizzleSource source(SourceSettings settings) {
    return new DrizzleSource("drizzle:" + dir, dir, settings);
  }

  private SourceListing list() {
    return source(DEFAULTS).list();
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private Path journal(String entries) throws IOException {
    return write(
        "meta/_journal.json",
        "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": ["
            + entries
            + "\n  ]\n}\n");
  }

  private static String entry(int idx, String tag, boolean breakpoints) {
    return "\n    {\n      \"idx\": "
        + idx
        + ",\n      \"version\": \"7\",\n      \"when\": 17000000000"
        + idx
        + ",\n      \"tag\": \""
        + tag
        + "\",\n      \"breakpoints\": "
        + breakpoints
        + "\n    }";
  }

  private static String text(MigrationResource r) throws IOException {
    return new String(r.content().read(), StandardCharsets.UTF_8);
  }

  private static String summary(MigrationResource r) {
    return r.id().version()
        + " '"
        + r.id().description()
        + "' "
        + r.direction()
        + " "
        + Path.of(r.origin()).getFileName()
        + (r.splitter() == null ? " dialect" : " breakpoints");
  }

  // ---- journal layout ----

  @Test
  void listsEachJournalEntryAsAnUpMigrationInJournalOrder() throws IOException {
    journal(
        entry(0, "0000_square_bushwacker", true)
            + ","
            + entry(1, "0001_add_users_table", true)
            + ","
            + entry(2, "0002_add-border-radius", false));
    write("0000_square_bushwacker.sql", "CREATE TABLE a (id int);");
    write("0001_add_users_table.sql", "CREATE TABLE users (id int);");
    write("0002_add-border-radius.sql", "ALTER TABLE a ADD r int;");

    SourceListing listing = list();

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .extracting(DrizzleSourceTest::summary)
        .containsExactly(
            "0000 'square bushwacker' UP 0000_square_bushwacker.sql breakpoints",
            "0001 'add users table' UP 0001_add_users_table.sql breakpoints",
            "0002 'add-border-radius' UP 0002_add-border-radius.sql dialect");
  }

  @Test
  void namesEachResourceByItsPathAndReadsItsBytesLazily() throws IOException {
    journal(entry(0, "0000_init", true));
    Path file = write("0000_init.sql", "before");

    MigrationResource resource = list().resources().get(0);
    Files.writeString(file, "after");

    assertThat(resource.origin()).isEqualTo(file.toString());
    assertThat(resource.dialectTag()).isNull();
    assertThat(resource.autocommit()).isFalse();
    assertThat(text(resource)).isEqualTo("after");
  }

  @Test
  void theSplitterOfABreakpointEntrySplitsAtTheMarkers() throws IOException {
    journal(entry(0, "0000_init", true));
    write(
        "0000_init.sql",
        "CREATE TABLE a (id int);--> statement-breakpoint\nCREATE TABLE b (id int);");

    MigrationResource resource = list().resources().get(0);

    assertThat(resource.splitter()).isNotNull();
    assertThat(resource.splitter().split(text(resource)))
        .extracting(s -> s.line() + ": " + s.sql())
        .containsExactly("1: CREATE TABLE a (id int)", "2: CREATE TABLE b (id int)");
  }

  @Test
  void takesTheVersionFromATimestampOrUnixPrefixedTag() throws IOException {
    journal(entry(0, "1719481298_init", true) + "," + entry(1, "20240627123900_more", true));
    write("1719481298_init.sql", "x");
    write("20240627123900_more.sql", "y");

    assertThat(list().resources())
        .extracting(r -> r.id().version())
        .containsExactly(
            MigrationVersion.parse("1719481298"), MigrationVersion.parse("20240627123900"));
  }

  @Test
  void takesTheVersionFromIdxWhenTheTagHasNoPrefix() throws IOException {
    // drizzle-kit's migrations.prefix "none" writes tags such as "_square_bushwacker"
    journal(entry(0, "_square_bushwacker", true) + "," + entry(1, "_add_users", true));
    write("_square_bushwacker.sql", "x");
    write("_add_users.sql", "y");

    assertThat(list().resources())
        .extracting(DrizzleSourceTest::summary)
        .containsExactly(
            "0000 'square bushwacker' UP _square_bushwacker.sql breakpoints",
            "0001 'add users' UP _add_users.sql breakpoints");
  }

  @Test
  void refusesATagWithoutPrefixWhenTheEntryHasNoIdx() throws IOException {
    Path journal =
        write(
            "meta/_journal.json",
            "{\"entries\": [\n{\"tag\": \"init\", \"breakpoints\": true}\n]}");
    write("init.sql", "x");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal
                + ":2: entry 1: the tag \"init\" has no numeric prefix and the entry no \"idx\", so"
                + " the migration has no version; add \"idx\" or rename the tag and file to"
                + " 0000_name");
  }

  @Test
  void treatsAMissingBreakpointsFlagAsTrueSinceDrizzleSplitsEitherWay() throws IOException {
    write("meta/_journal.json", "{\"entries\": [{\"idx\": 0, \"tag\": \"0000_a\"}]}");
    write("0000_a.sql", "x");

    assertThat(list().resources())
        .singleElement()
        .satisfies(r -> assertThat(r.splitter()).isNotNull());
  }

  @Test
  void ignoresFieldsItDoesNotKnow() throws IOException {
    write(
        "meta/_journal.json",
        "{\"future\": {\"a\": [1, 2]}, \"entries\": [{\"idx\": 0, \"tag\": \"0000_a\", \"extra\":"
            + " [true], \"breakpoints\": true}]}");
    write("0000_a.sql", "x");

    assertThat(list().resources()).hasSize(1);
  }

  @Test
  void anEmptyJournalListsNothing() throws IOException {
    journal("");

    SourceListing listing = list();

    assertThat(listing.resources()).isEmpty();
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void exposesTheJournalsDialectWithoutCheckingIt() throws IOException {
    write("meta/_journal.json", "{\"version\": \"6\", \"dialect\": \"sqlite\", \"entries\": []}");

    Journal journal = source(DEFAULTS).journal();

    assertThat(journal).isNotNull();
    assertThat(journal.dialect()).isEqualTo("sqlite");
    assertThat(journal.version()).isEqualTo("6");
    assertThat(source(DEFAULTS).list().resources()).isEmpty();
  }

  @Test
  void refusesAnEntryWhoseFileIsMissing() throws IOException {
    Path journal = journal(entry(0, "0000_a", true) + "," + entry(1, "0001_b", true));
    write("0000_a.sql", "x");
    Path missing = dir.resolve("0001_b.sql");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            missing
                + " does not exist, but entry 2 of "
                + journal
                + " (line 12) lists it; restore the file from version control, or remove the entry"
                + " (drizzle-kit drop)")
        .satisfies(
            e -> assertThat(e.origins()).containsExactly(missing.toString(), journal.toString()));
  }

  @Test
  void refusesMalformedJsonNamingTheJournalLineAndColumn() throws IOException {
    Path journal =
        write(
            "meta/_journal.json",
            "{\n  \"version\": \"7\",\n  \"entries\": [\n    {\"idx\": 0,}\n  ]\n}\n");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal
                + ":4:15: invalid JSON (Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start field name); fix the file or restore it from version"
                + " control")
        .satisfies(e -> assertThat(e.origins()).containsExactly(journal.toString()));
  }

  @Test
  void refusesATruncatedJournal() throws IOException {
    Path journal = write("meta/_journal.json", "{\"entries\": [");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageStartingWith(journal + ":1:14: invalid JSON (Unexpected end-of-input");
  }

  @Test
  void refusesAJournalThatRepeatsAField() throws IOException {
    Path journal = write("meta/_journal.json", "{\"entries\": [],\n \"entries\": []}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal
                + ":2:11: invalid JSON (Duplicate field 'entries'); fix the file or restore it from"
                + " version control");
  }

  @Test
  void refusesAJournalWithoutEntries() throws IOException {
    Path journal = write("meta/_journal.json", "{\"version\": \"7\", \"dialect\": \"postgresql\"}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal
                + " is not a drizzle-kit journal: it has no \"entries\" array (expected"
                + " {\"version\": ..., \"dialect\": ..., \"entries\": [...]}); restore it from"
                + " version control or regenerate it with drizzle-kit");
  }

  @Test
  void refusesAJournalThatIsNotAnObject() throws IOException {
    Path journal = write("meta/_journal.json", "[]");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageStartingWith(
            journal + ":1:1 is not a drizzle-kit journal: it is not a JSON object");
  }

  @Test
  void refusesAnEmptyJournalFile() throws IOException {
    Path journal = write("meta/_journal.json", "");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageStartingWith(journal + " is not a drizzle-kit journal: it is empty");
  }

  @Test
  void refusesEntriesThatAreNotAnArray() throws IOException {
    Path journal = write("meta/_journal.json", "{\"entries\": {}}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(journal + ":1:13: \"entries\" must be an array, found an object");
  }

  @Test
  void refusesAnEntryWithoutTag() throws IOException {
    Path journal = journal("\n    {\"idx\": 0, \"breakpoints\": true}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal
                + ":5:5: entry 1 has no \"tag\" (drizzle-kit writes idx, version, when, tag and"
                + " breakpoints for each migration); regenerate the journal with drizzle-kit or add"
                + " the tag");
  }

  @Test
  void refusesValuesOfTheWrongType() throws IOException {
    Path journal =
        write(
            "meta/_journal.json",
            "{\"entries\": [{\"tag\": \"0000_a\", \"breakpoints\": \"yes\"}]}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal + ":1:47: \"breakpoints\" of entry 1 must be true or false, found \"yes\"");
  }

  @Test
  void refusesATagThatIsNotAFileName() throws IOException {
    Path journal =
        write("meta/_journal.json", "{\"entries\": [{\"idx\": 0, \"tag\": \"../0000_evil\"}]}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal
                + ":1: entry 1: the tag \"../0000_evil\" is not a file name; a tag names <tag>.sql"
                + " next to the meta folder");
  }

  @Test
  void refusesATagListedTwice() throws IOException {
    Path journal = journal(entry(0, "0000_a", true) + "," + entry(1, "0000_a", true));
    write("0000_a.sql", "x");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal + ":12: entry 2: repeats the tag \"0000_a\" of entry 1; remove one of them");
  }

  @Test
  void refusesAJournalWhoseVersionsDecrease() throws IOException {
    Path journal = journal(entry(0, "0001_b", true) + "," + entry(1, "0000_a", true));
    write("0000_a.sql", "x");
    write("0001_b.sql", "y");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            journal
                + ":12: entry 2: \"0000_a\" (version 0000) comes after \"0001_b\" (version 0001);"
                + " drizzle applies migrations in journal order and Strata in version order, so"
                + " rename the tags and files so that versions increase down the journal");
  }

  @Test
  void refusesAMarkerInAFileWhoseEntrySaysNoBreakpoints() throws IOException {
    Path journal = journal(entry(0, "0000_a", false));
    Path file =
        write(
            "0000_a.sql",
            "CREATE TABLE a (id int);\n"
                + "CREATE TABLE b (id int);--> statement-breakpoint\n"
                + "SELECT 1;");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            file
                + ":2: contains --> statement-breakpoint, but entry 1 of "
                + journal
                + " (line 5) says \"breakpoints\": false; set \"breakpoints\": true in that entry"
                + " so that Strata splits the file at the markers as drizzle does, or remove the"
                + " markers")
        .satisfies(
            e -> assertThat(e.origins()).containsExactly(file.toString(), journal.toString()));
  }

  @Test
  void leavesAFileWithoutBreakpointsToTheDialectsParser() throws IOException {
    journal(entry(0, "0000_a", false));
    write("0000_a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");

    assertThat(list().resources())
        .singleElement()
        .satisfies(r -> assertThat(r.splitter()).isNull());
  }

  @Test
  void refusesASqlFileTheJournalDoesNotListAndSkipsOtherFilesQuietly() throws IOException {
    Path journal = journal(entry(0, "0000_a", true));
    write("0000_a.sql", "x");
    Path stray = write("0001_forgotten.sql", "y");
    write("README.md", "not a migration, not reported");
    write("meta/0000_snapshot.json", "{}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            "drizzle:"
                + dir
                + " holds a .sql file that follows none of its conventions (drizzle-kit's"
                + " <tag>.sql files listed in meta/_journal.json, or"
                + " <YYYYMMDDHHmmss>_<name>/migration.sql folders), so Strata cannot tell which"
                + " migration it is; nothing was applied.\n  "
                + stray
                + ": is not listed in "
                + journal
                + ", so drizzle never runs it; add it to the journal (drizzle-kit generate --custom"
                + " creates a listed file), or move it out of drizzle:"
                + dir
                + "; or leave it out with strata.ignore='0001_forgotten.sql'\nRename or move each"
                + " file, or leave it out with strata.ignore=GLOB, and"
                + " run again.")
        .satisfies(e -> assertThat(e.origins()).containsExactly(stray.toString()));
  }

  @Test
  void refusesEveryFileTheJournalDoesNotListInOneErrorWithAMigrationFolderToo() throws IOException {
    journal(entry(0, "0000_a", true));
    write("0000_a.sql", "x");
    Path stray = write("0001_forgotten.sql", "y");
    Path folder = write("20250101120000_b/migration.sql", "y");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageContaining(" holds 2 .sql files ")
        .satisfies(
            e -> assertThat(e.origins()).containsExactly(stray.toString(), folder.toString()));
  }

  @Test
  void leavesOutAndListsTheFilesTheIgnoreOptionNames() throws IOException {
    journal(entry(0, "0000_a", true) + "," + entry(1, "0001_b", true));
    write("0000_a.sql", "x");
    Path b = write("0001_b.sql", "x");
    Path stray = write("0002_forgotten.sql", "y");

    SourceListing listing =
        source(new SourceSettings(List.of("0002_forgotten.sql", "0001_b.sql"))).list();

    assertThat(listing.resources())
        .extracting(DrizzleSourceTest::summary)
        .containsExactly("0000 'a' UP 0000_a.sql breakpoints");
    assertThat(listing.ignored()).containsExactlyInAnyOrder(b.toString(), stray.toString());
  }

  @Test
  void skipsHiddenFilesSilently() throws IOException {
    journal(entry(0, "0000_a", true));
    write("0000_a.sql", "x");
    write(".0001_hidden.sql", "y");

    assertThat(source(DEFAULTS).list().warnings()).isEmpty();
  }

  // ---- folder-per-migration layout ----

  @Test
  void listsEachMigrationFolderByItsTimestamp() throws IOException {
    write("20250101120000_init/migration.sql", "CREATE TABLE a (id int);");
    write("20250101120000_init/snapshot.json", "{}");
    write("20250214093015_add_users_table/migration.sql", "CREATE TABLE users (id int);");
    write("20250214093015_add_users_table/snapshot.json", "{}");

    SourceListing listing = list();

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .extracting(DrizzleSourceTest::summary)
        .containsExactly(
            "20250101120000 'init' UP migration.sql breakpoints",
            "20250214093015 'add users table' UP migration.sql breakpoints");
    assertThat(listing.resources().get(1).origin())
        .isEqualTo(dir.resolve("20250214093015_add_users_table/migration.sql").toString());
  }

  @Test
  void listsADownSqlAsTheFoldersDownScript() throws IOException {
    write("20250101120000_init/migration.sql", "CREATE TABLE a (id int);");
    Path down = write("20250101120000_init/down.sql", "DROP TABLE a;");

    assertThat(list().resources())
        .extracting(DrizzleSourceTest::summary)
        .containsExactly(
            "20250101120000 'init' UP migration.sql breakpoints",
            "20250101120000 'init' DOWN down.sql breakpoints");
    assertThat(list().resources().get(1).origin()).isEqualTo(down.toString());
  }

  @Test
  void acceptsAFolderNamedOnlyByItsTimestamp() throws IOException {
    write("20250101120000/migration.sql", "x");

    assertThat(list().resources())
        .extracting(DrizzleSourceTest::summary)
        .containsExactly("20250101120000 '' UP migration.sql breakpoints");
  }

  @Test
  void warnsAboutAFolderWithoutMigrationSql() throws IOException {
    write("20250101120000_init/migration.sql", "x");
    Path empty = Files.createDirectories(dir.resolve("20250102120000_lost"));
    write("20250102120000_lost/snapshot.json", "{}");

    SourceListing listing = list();

    assertThat(listing.resources()).hasSize(1);
    assertThat(listing.warnings())
        .containsExactly(
            new StrataEvent.Warning(
                empty.toString(),
                empty + " holds no migration.sql, so drizzle never runs it; it is ignored"));
  }

  @Test
  void refusesAFolderWhoseNameHasNoTimestamp() throws IOException {
    Path file = write("add_users/migration.sql", "x");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageContaining(
            "\n  "
                + file
                + ": is in a folder whose name does not start with a 14-digit UTC timestamp"
                + " (drizzle-kit names them like 20250101120000_name), so it has no version; rename"
                + " the folder, or move it out of drizzle:"
                + dir
                + "; or leave it out with strata.ignore='add_users/migration.sql'\n")
        .satisfies(e -> assertThat(e.origins()).containsExactly(file.toString()));
  }

  @Test
  void refusesASqlFileOutsideAnyMigrationFolderNamingGooseForAGooseFile() throws IOException {
    write("20250101120000_init/migration.sql", "x");
    Path stray = write("0000_init.sql", "-- +goose Up\nSELECT 1;\n");
    write("migrations.js", "export default {}");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageContaining("It is a goose migration: read the location with goose:" + dir)
        .satisfies(e -> assertThat(e.origins()).containsExactly(stray.toString()));
  }

  @Test
  void leavesOutAFolderTheIgnoreOptionNames() throws IOException {
    write("20250101120000_init/migration.sql", "x");
    Path file = write("add_users/migration.sql", "x");

    SourceListing listing = source(new SourceSettings(List.of("add_users/**"))).list();

    assertThat(listing.resources()).hasSize(1);
    assertThat(listing.ignored()).containsExactly(file.toString());
  }

  @Test
  void warnsWhenTheFolderHoldsNoDrizzleMigrationsAtAll() {
    SourceListing listing = source(DEFAULTS).list();

    assertThat(listing.resources()).isEmpty();
    assertThat(listing.warnings())
        .containsExactly(
            new StrataEvent.Warning(
                "drizzle:" + dir,
                "The migration location drizzle:"
                    + dir
                    + " (resolved to "
                    + dir.toAbsolutePath().normalize()
                    + ") holds no drizzle migrations: neither meta/_journal.json nor"
                    + " <YYYYMMDDHHmmss>_<name>/migration.sql folders; check"
                    + " strata.sources"));
  }

  // ---- the location ----

  @Test
  void refusesAFolderThatDoesNotExist() {
    Path absent = dir.resolve("no-such-dir");
    DrizzleSource source = new DrizzleSource("drizzle:db/missing", absent, DEFAULTS);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessage(
            "The migration location drizzle:db/missing does not exist (resolved to "
                + absent
                + "); check strata.sources")
        .satisfies(e -> assertThat(e.origins()).containsExactly("drizzle:db/missing"));
  }

  @Test
  void refusesAFolderThatIsAFile() throws IOException {
    Path file = write("0000_a.sql", "x");
    DrizzleSource source = new DrizzleSource("drizzle:" + file, file, DEFAULTS);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessageStartingWith("The migration location drizzle:" + file + " is not a directory");
  }

  @Test
  void theProviderIsFoundByItsPrefixAndResolvesThePathItIsGiven() throws IOException {
    journal(entry(0, "0000_a", true));
    write("0000_a.sql", "x");

    MigrationSourceProvider provider =
        ServiceLoader.load(MigrationSourceProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.prefix().equals("drizzle"))
            .findFirst()
            .orElseThrow();
    var source = provider.create("drizzle:" + dir, dir.toString(), DEFAULTS);

    assertThat(provider).isInstanceOf(DrizzleSourceProvider.class);
    assertThat(source.location()).isEqualTo("drizzle:" + dir);
    assertThat(source.list().resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.direction()).isEqualTo(Direction.UP);
              assertThat(r.origin()).isEqualTo(dir.resolve("0000_a.sql").toString());
            });
  }

  @Test
  void readsTheFolderAfreshOnEveryListing() throws IOException {
    journal(entry(0, "0000_a", true));
    write("0000_a.sql", "x");
    DrizzleSource source = source(DEFAULTS);
    assertThat(source.list().resources()).hasSize(1);

    journal(entry(0, "0000_a", true) + "," + entry(1, "0001_b", true));
    write("0001_b.sql", "y");

    assertThat(source.list().resources())
        .extracting(r -> r.id().description())
        .containsExactly("a", "b");
    assertThat(List.of(source.location())).containsExactly("drizzle:" + dir);
  }
}
