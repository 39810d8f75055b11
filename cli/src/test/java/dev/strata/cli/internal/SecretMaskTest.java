package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {
  SecretMask mask = new SecretMask();

  @Test
  void masksThePasswordOfUserInfoInUrls() {
    assertThat(mask.apply("Cannot connect to jdbc:postgresql://app:s3cr3t@db:5432/app: refused"))
        .isEqualTo("Cannot connect to jdbc:postgresql://app:***@db:5432/app: refused");
  }

  @Test
  void masksPasswordParametersUpToTheirSeparator() {
    assertThat(mask.apply("jdbc:mysql://db/app?user=app&password=s3cr3t&ssl=true and more"))
        .isEqualTo("jdbc:mysql://db/app?user=app&password=***&ssl=true and more");
    assertThat(mask.apply("jdbc:h2:file:/x;USER=sa;PASSWORD=s3cr3t;MODE=MySQL"))
        .isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***;MODE=MySQL");
  }

  @Test
  void masksAConfiguredPasswordWhereverItOccurs() {
    mask.add("hunter2");
    mask.add("");
    mask.add(null);

    assertThat(mask.apply("the driver said: login 'hunter2' refused"))
        .isEqualTo("the driver said: login '***' refused");
  }

  @Test
  void masksTheLongerOfTwoOverlappingPasswordsWhole() {
    mask.add("abc");
    mask.add("abcdef");

    assertThat(mask.apply("x abcdef y abc")).isEqualTo("x *** y ***");
  }

  @Test
  void leavesTextWithoutCredentialsAlone() {
    String text =
        "Cannot connect to jdbc:postgresql://db:5432/app?sslmode=require (SQLSTATE 08001)";

    assertThat(mask.apply(text)).isEqualTo(text);
  }
}
