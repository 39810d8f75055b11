package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
  }

  @Test
  void historyListsEveryApplyAndRevertOldestFirst() {
    ws.strata("migrate");
    ws.strata("down", "--steps", "1");

    CliResult result = ws.strata("history");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.outLines().get(0))
        .matches(
            "Rank +Version +Description +Action +Result +Statements +By +At +Duration +Run +Release"
                + " +Script");
    assertThat(result.outLines().subList(2, 5))
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .matches("1 +1 +create person +apply +success +2 .*V1__create_person.sql"),
            l -> assertThat(l).matches("2 +2 +add email +apply +success +1 .*V2__add_email.sql"),
            l -> assertThat(l).matches("3 +2 +add email +revert +success +1 .*U2__add_email.sql"));
    assertThat(result.lastLine()).isEqualTo("3 history rows in strata_schema_history");
  }

  @Test
  void historyAsJsonIsOneDocument() {
    ws.strata("migrate");

    CliResult result = ws.strata("history", "--output", "json");

    assertThat(result.outLines()).hasSize(1);
    Map<String, Object> doc = JsonObjects.parse(result.out().strip());
    List<Map<String, Object>> rows = JsonObjects.objects(doc.get("history"));
    assertThat(rows).extracting(r -> r.get("action")).containsExactly("apply", "apply");
    assertThat(rows).extracting(r -> r.get("version")).containsExactly("1", "2");
    assertThat(rows.get(0)).containsEntry("success", true).containsKey("checksum");
  }

  @Test
  void historyOfANewDatabaseIsEmpty() throws Exception {
    CliResult result = ws.strata("history");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.lastLine()).isEqualTo("0 history rows in strata_schema_history");
    assertThat(ws.tableExists("strata_schema_history")).isFalse();
  }
}
