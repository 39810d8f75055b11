package dev.strata.testsupport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatabaseAdminTest {
  @Test
  void namesAreLowerCaseUnquotedIdentifiersWithTheCommonPrefix() {
    assertThat(DatabaseAdmin.newName()).matches("strata_t_[a-z0-9]{12}");
  }

  @Test
  void namesDoNotRepeat() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      names.add(DatabaseAdmin.newName());
    }
    assertThat(names).hasSize(10_000);
  }
}
