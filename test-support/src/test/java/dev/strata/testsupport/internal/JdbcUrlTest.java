package dev.strata.testsupport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlTest {
  @Test
  void readsThePostgresUserFromTheQueryAndDefaultsThePasswordToEmpty() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    assertThat(url.scheme()).isEqualTo("postgresql");
    assertThat(url.host()).isEqualTo("127.0.0.1");
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.database()).isEqualTo("test");
    assertThat(url.user()).isEqualTo("postgres");
    assertThat(url.password()).isEmpty();
  }

  @Test
  void readsAnEmptyMysqlPasswordParameter() {
    JdbcUrl url = JdbcUrl.parse("jdbc:mysql://127.0.0.1:3306/test?user=root&password=");

    assertThat(url.user()).isEqualTo("root");
    assertThat(url.password()).isEmpty();
    assertThat(url.raw()).isEqualTo("jdbc:mysql://127.0.0.1:3306/test?user=root&password=");
  }

  @Test
  void decodesPercentEncodedCredentials() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db/app?user=a%40b&password=p%26ss%3Dword");

    assertThat(url.user()).isEqualTo("a@b");
    assertThat(url.password()).isEqualTo("p&ss=word");
  }

  @Test
  void readsCredentialsWrittenBeforeTheHost() {
    JdbcUrl url = JdbcUrl.parse("jdbc:mysql://root:s%3Acret@db.example:3307/app");

    assertThat(url.user()).isEqualTo("root");
    assertThat(url.password()).isEqualTo("s:cret");
    assertThat(url.host()).isEqualTo("db.example");
    assertThat(url.port()).isEqualTo(3307);
  }

  @Test
  void prefersQueryCredentialsOverThoseBeforeTheHost() {
    JdbcUrl url = JdbcUrl.parse("jdbc:mysql://u:p@db/app?user=other&password=secret");

    assertThat(url.user()).isEqualTo("other");
    assertThat(url.password()).isEqualTo("secret");
  }

  @Test
  void usesTheSchemesDefaultPortWhenNoneIsGiven() {
    assertThat(JdbcUrl.parse("jdbc:postgresql://localhost/test").port()).isEqualTo(5432);
    assertThat(JdbcUrl.parse("jdbc:mysql://localhost/test").port()).isEqualTo(3306);
  }

  @Test
  void takesTheFirstOfSeveralHostsAndKeepsIpv6Brackets() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://[::1]:5433,other:5434/test");

    assertThat(url.host()).isEqualTo("[::1]");
    assertThat(url.port()).isEqualTo(5433);
  }

  @Test
  void acceptsAUrlWithoutADatabase() {
    JdbcUrl url = JdbcUrl.parse("jdbc:mysql://127.0.0.1:3306?user=root");

    assertThat(url.database()).isEmpty();
    assertThat(url.user()).isEqualTo("root");
  }

  @Test
  void replacesTheDatabaseAndKeepsEveryParameter() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://h:1/test?user=u&password=p&ssl=false");

    assertThat(url.withDatabase("strata_t_x").raw())
        .isEqualTo("jdbc:postgresql://h:1/strata_t_x?user=u&password=p&ssl=false");
  }

  @Test
  void dropsBothFormsOfCredentialsOnRequest() {
    assertThat(
            JdbcUrl.parse("jdbc:mysql://u:p@h/db?user=u&ssl=false&password=p")
                .withoutCredentials()
                .raw())
        .isEqualTo("jdbc:mysql://h/db?ssl=false");
  }

  @Test
  void masksPasswordsInToStringButNotInRaw() {
    JdbcUrl query = JdbcUrl.parse("jdbc:postgresql://h/db?user=u&password=hunter2");
    JdbcUrl userInfo = JdbcUrl.parse("jdbc:mysql://u:hunter2@h/db");

    assertThat(query.toString()).isEqualTo("jdbc:postgresql://h/db?user=u&password=****");
    assertThat(userInfo.toString()).isEqualTo("jdbc:mysql://u:****@h/db");
    assertThat(query.raw()).contains("hunter2");
  }

  @Test
  void masksEvenAnUnparseableUrlThatMayHoldAPassword() {
    assertThat(JdbcUrl.masked("jdbc:nonsense?password=hunter2")).doesNotContain("hunter2");
  }

  @Test
  void rejectsTextThatIsNotAJdbcUrlAndShowsTheExpectedForm() {
    assertThatThrownBy(() -> JdbcUrl.parse("postgres://h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:<driver>://host[:port]/database?user=");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h:port/db"))
        .hasMessageContaining("port that is not a number");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql:///db")).hasMessageContaining("no host");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql://h/db?user=u&password=100%"))
        .hasMessageContaining("malformed %-escape")
        .hasMessageContaining("password=****");
  }
}
