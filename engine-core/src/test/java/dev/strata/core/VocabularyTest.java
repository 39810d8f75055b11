package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final String ADVICE =
      "V3 is older than V5; allow it with strata.outOfOrder=true, or run `migrate` with"
          + " strata.phase=expand first; then run `repair` (check strata.sources)";

  @Test
  void theApiReadsTheEnginesOwnWords() {
    assertThat(Vocabulary.API.render(ADVICE)).isEqualTo(ADVICE);
  }

  @Test
  void theCommandLineSaysFlagsAndStrataCommands() {
    assertThat(Vocabulary.COMMAND_LINE.render(ADVICE))
        .isEqualTo(
            "V3 is older than V5; allow it with --out-of-order true, or run `strata migrate` with"
                + " --phase expand first; then run `strata repair --confirm` (check --source)");
  }

  @Test
  void springBootSaysItsCanonicalPropertiesAndNamesTheCommandLineForCommands() {
    assertThat(Vocabulary.SPRING_BOOT.render(ADVICE))
        .isEqualTo(
            "V3 is older than V5; allow it with strata.out-of-order=true, or run Strata's migrate"
                + " command (`strata migrate` on the command line) with strata.phase=expand first;"
                + " then run Strata's repair command (`strata repair --confirm` on the command"
                + " line) (check strata.sources)");
  }

  @Test
  void adoptingAnotherToolsHistoryNamesTheTool() {
    assertThat(Vocabulary.COMMAND_LINE.render("adopt it with `baseline` from dbmate"))
        .isEqualTo("adopt it with `strata baseline --from dbmate`");
  }

  @Test
  void wordsThatAreNoOptionOrCommandStayAsTheyAre() {
    String text =
        "dev.strata.source.classpath.ClasspathIndex reads strata.properties; run `prisma migrate"
            + " resolve` or `vacuum`";
    assertThat(Vocabulary.COMMAND_LINE.render(text)).isEqualTo(text);
  }
}
