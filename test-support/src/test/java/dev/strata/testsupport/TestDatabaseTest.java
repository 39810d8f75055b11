package dev.strata.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.testsupport.internal.ServerKind;
import dev.strata.testsupport.internal.ServerResolution;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestDatabaseTest {
  @Test
  void skipsWithoutAnOptionalServerWhateverTheEnvironmentSays() {
    // MySQL 8 is never mandatory: the abort does not consult CI, so this holds under CI=true too.
    TestDatabase mysql8 =
        new TestDatabase(ServerKind.MYSQL8, new ServerResolution.Unavailable("no MySQL 8 here"));

    assertThatThrownBy(mysql8::requireAvailable)
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no MySQL 8 here");
    assertThatThrownBy(mysql8::createIsolated).isInstanceOf(TestAbortedException.class);
  }
}
