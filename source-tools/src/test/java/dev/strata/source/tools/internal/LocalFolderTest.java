package dev.strata.source.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationDiscoveryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderTest {
  @TempDir Path dir;

  @Test
  void listsFilesAndFoldersSortedByPathBelowTheLocationSkippingHiddenOnes() throws Exception {
    Path root = Files.createDirectory(dir.resolve("m"));
    Files.writeString(root.resolve("2_b.sql"), "b");
    Files.writeString(root.resolve("1_a.sql"), "a");
    Files.writeString(root.resolve(".hidden.sql"), "h");
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/up.sql"), "u");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".git/x.sql"), "x");

    LocalFolder folder = new LocalFolder("goose:" + root, root);
    LocalFolder.Listing top = folder.list(1);
    LocalFolder.Listing all = folder.list(LocalFolder.WHOLE_TREE);

    assertThat(top.files())
        .extracting(LocalFolder.Entry::below)
        .containsExactly("1_a.sql", "2_b.sql");
    assertThat(top.folders()).extracting(LocalFolder.Entry::below).containsExactly("sub");
    assertThat(all.files())
        .extracting(LocalFolder.Entry::below)
        .containsExactly("1_a.sql", "2_b.sql", "sub/up.sql");
    assertThat(all.files().get(2).name()).isEqualTo("up.sql");
    assertThat(all.files().get(2).depth()).isEqualTo(2);
    assertThat(new String(folder.read(all.files().get(0)), StandardCharsets.UTF_8)).isEqualTo("a");
  }

  @Test
  void followsLinksThatStayInsideTheLocation() throws Exception {
    Path root = Files.createDirectory(dir.resolve("m"));
    Files.createDirectories(root.resolve("..data"));
    Files.writeString(root.resolve("..data/1_a.sql"), "a");
    Files.createSymbolicLink(root.resolve("1_a.sql"), Path.of("..data/1_a.sql"));

    LocalFolder folder = new LocalFolder("goose:" + root, root);
    LocalFolder.Entry file = folder.list(1).files().get(0);

    assertThat(file.throughLink()).isTrue();
    assertThat(new String(folder.read(file), StandardCharsets.UTF_8)).isEqualTo("a");
  }

  @Test
  void refusesALinkLeadingOutsideTheLocation() throws Exception {
    Path root = Files.createDirectory(dir.resolve("m"));
    Path outside = Files.writeString(dir.resolve("secret.sql"), "s");
    Files.createSymbolicLink(root.resolve("1_a.sql"), outside);

    assertThatThrownBy(() -> new LocalFolder("goose:" + root, root).list(1))
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining(root.resolve("1_a.sql") + " is a symbolic link to ")
        .hasMessageContaining("outside the migration location goose:" + root)
        .hasMessageContaining("copy the file in");
  }

  @Test
  void refusesADanglingLinkAndALoop() throws Exception {
    Path root = Files.createDirectory(dir.resolve("m"));
    Files.createSymbolicLink(root.resolve("1_a.sql"), Path.of("gone.sql"));
    assertThatThrownBy(() -> new LocalFolder("goose:" + root, root).list(1))
        .hasMessage(
            root.resolve("1_a.sql")
                + " is a symbolic link to gone.sql, which does not exist; restore the target, or"
                + " remove the link from goose:"
                + root);

    Files.delete(root.resolve("1_a.sql"));
    Files.createSymbolicLink(root.resolve("loop"), Path.of("."));
    assertThatThrownBy(() -> new LocalFolder("goose:" + root, root).list(LocalFolder.WHOLE_TREE))
        .hasMessageContaining("(a loop)");
    assertThat(new LocalFolder("goose:" + root, root).list(1).folders()).hasSize(1);
  }

  @Test
  void namesAMissingLocation() {
    Path root = dir.resolve("nope");
    assertThatThrownBy(() -> new LocalFolder("goose:nope", root).list(1))
        .hasMessageStartingWith("The migration location goose:nope does not exist");
  }
}
