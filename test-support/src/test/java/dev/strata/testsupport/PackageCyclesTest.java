package dev.strata.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCyclesTest {
  @TempDir Path root;

  @Test
  void aCycleThroughThreePackagesIsReportedWithTheFilesThatCloseIt() throws IOException {
    write("a/A.java", "package x.a;\nimport x.b.B;\nclass A {}");
    write("b/B.java", "package x.b;\nimport static x.c.C.run;\nclass B {}");
    write("c/C.java", "package x.c;\nimport x.a.A;\nimport java.util.List;\nclass C {}");
    write("d/D.java", "package x.d;\nimport x.a.A;\nclass D {}");

    assertThat(PackageCycles.in("x.", root))
        .containsExactly(
            "x.a <-> x.b <-> x.c:\n  x.a -> x.b (a/A.java)\n  x.b -> x.c (b/B.java)\n"
                + "  x.c -> x.a (c/C.java)");
  }

  @Test
  void importsThatOnlyRunDownwardsAreNoCycle() throws IOException {
    write("a/A.java", "package x.a;\nimport x.b.B;\nclass A {}");
    write("b/B.java", "package x.b;\nimport y.z.Outside;\nclass B {}");

    assertThat(PackageCycles.in("x.", root)).isEmpty();
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
