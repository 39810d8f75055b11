package dev.strata.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.core.StrataOption;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every engine option of {@link StrataOption} is a parameter of every database goal, named by its
 * key and set by its property ({@code -Dstrata.lockTimeout=…}), with no default of its own (the
 * engine's applies), and its value reaches the engine as the option's property. Read from the
 * plugin descriptor that maven-plugin-plugin generated, which is what Maven configures mojos from.
 */
class OptionTableTest {
  static final List<String> DATABASE_GOALS =
      List.of("migrate", "plan", "status", "validate", "lint");
  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

  static Element mojo(String goal) throws Exception {
    Document descriptor =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if (child(mojo, "goal").getTextContent().equals(goal)) {
        return mojo;
      }
    }
    throw new AssertionError("the descriptor has no goal " + goal);
  }

  static Element child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError(parent.getTagName() + " has no <" + name + ">");
  }

  @ParameterizedTest
  @EnumSource(StrataOption.class)
  void everyEngineOptionIsAParameterOfEveryDatabaseGoalSetByItsProperty(StrataOption option)
      throws Exception {
    for (String goal : DATABASE_GOALS) {
      Element mojo = mojo(goal);
      Element parameters = child(mojo, "parameters");
      boolean declared = false;
      NodeList names = parameters.getElementsByTagName("name");
      for (int i = 0; i < names.getLength(); i++) {
        declared |= names.item(i).getTextContent().equals(option.key());
      }
      assertThat(declared).as(goal + " has the parameter " + option.key()).isTrue();

      Element configured = child(child(mojo, "configuration"), option.key());
      assertThat(configured.getTextContent())
          .as(goal + "'s " + option.key())
          .isEqualTo("${" + option.property() + "}");
      assertThat(configured.hasAttribute("default-value"))
          .as(goal + "'s " + option.key() + " repeats no default: the engine's applies")
          .isFalse();
    }
  }

  @Test
  void theDescriptorHasEveryGoalAndTheGeneratedHelpUnderThePrefixStrata() throws Exception {
    Document descriptor =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
    assertThat(child(descriptor.getDocumentElement(), "goalPrefix").getTextContent())
        .isEqualTo("strata");
    for (String goal : List.of("help", "index", "migrate", "plan", "status", "validate", "lint")) {
      assertThat(child(mojo(goal), "goal").getTextContent()).isEqualTo(goal);
    }
    assertThat(child(mojo("index"), "phase").getTextContent()).isEqualTo("process-classes");
  }

  @Test
  void theLintGoalFailsOnWarningsUnlessToldOtherwise() throws Exception {
    Element failOn = child(child(mojo("lint"), "configuration"), "failOn");

    assertThat(failOn.getTextContent()).isEqualTo("${strata.failOn}");
    assertThat(failOn.getAttribute("default-value")).isEqualTo("warning");
  }

  @ParameterizedTest
  @EnumSource(value = StrataOption.class, names = "CONFIG", mode = EnumSource.Mode.EXCLUDE)
  void aParameterValueReachesTheEngineAsTheOptionsProperty(StrataOption option) throws Exception {
    MigrateMojo mojo = new MigrateMojo();
    mojo.url = "jdbc:h2:mem:options";
    String value = option == StrataOption.OUT_OF_ORDER ? "true" : "/some-value";
    Field field = StrataMojo.class.getDeclaredField(option.key());
    if (field.getType() == File.class) {
      field.set(mojo, new File(value));
    } else if (field.getType() == List.class) {
      field.set(mojo, List.of(value));
    } else {
      field.set(mojo, value);
    }

    assertThat(mojo.engineProperties()).containsEntry(option.property(), value);
  }

  @Test
  void theConfigFileIsBelowEveryParameter(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("strata.properties");
    Files.writeString(file, "strata.table=from_file\nstrata.schema=from_file\n");
    MigrateMojo mojo = new MigrateMojo();
    mojo.url = "jdbc:h2:mem:config";
    mojo.config = file.toFile();
    mojo.schema = "from_parameter";

    assertThat(mojo.engineProperties())
        .containsEntry("strata.table", "from_file")
        .containsEntry("strata.schema", "from_parameter");
  }

  @Test
  void migrationsAreInTheProjectsOwnResourcesByDefault(@TempDir Path dir) throws Exception {
    MavenProject project = new MavenProject();
    project.setFile(dir.resolve("pom.xml").toFile());
    MigrateMojo mojo = new MigrateMojo();
    mojo.url = "jdbc:h2:mem:defaults";
    mojo.project = project;

    assertThat(mojo.engineProperties())
        .containsEntry(
            "strata.sources",
            "filesystem:" + dir.resolve("src/main/resources/db/migration").toFile().getPath());
  }

  @Test
  void aListGivenAsSeveralValuesReachesTheEngineAsOneCommaSeparatedValue() throws Exception {
    MigrateMojo mojo = new MigrateMojo();
    mojo.url = "jdbc:h2:mem:lists";
    mojo.sources = List.of("filesystem:a", "classpath:b");
    mojo.ignore = List.of("*.go.sql", "legacy/**");

    Map<String, String> properties = mojo.engineProperties();

    assertThat(properties)
        .containsEntry("strata.sources", "filesystem:a,classpath:b")
        .containsEntry("strata.ignore", "*.go.sql,legacy/**");
  }

  @Test
  void theCredentialsOfASettingsServerAreUsedUnlessGiven() throws Exception {
    Server server = new Server();
    server.setId("app-db");
    server.setUsername("app");
    server.setPassword("s3cret");
    Settings settings = new Settings();
    settings.addServer(server);
    MigrateMojo mojo = new MigrateMojo();
    mojo.url = "jdbc:h2:mem:server";
    mojo.settings = settings;
    mojo.serverId = "app-db";

    assertThat(mojo.engineProperties())
        .containsEntry("strata.user", "app")
        .containsEntry("strata.password", "s3cret");

    mojo.user = "admin";
    mojo.passwordFile = new File("/run/secrets/db");
    assertThat(mojo.engineProperties())
        .containsEntry("strata.user", "admin")
        .containsEntry("strata.passwordFile", new File("/run/secrets/db").getPath())
        .doesNotContainKey("strata.password");
  }

  @Test
  void anUnknownServerIdIsAConfigurationErrorNamingIt() {
    MigrateMojo mojo = new MigrateMojo();
    mojo.url = "jdbc:h2:mem:server";
    mojo.settings = new Settings();
    mojo.serverId = "absent";

    assertThatExceptionOfType(MojoExecutionException.class)
        .isThrownBy(mojo::engineProperties)
        .withMessage(
            "No <server> with the id 'absent' in settings.xml (serverId, strata.serverId): add one"
                + " with the database's <username> and <password>, or set <user> and <password>"
                + " instead");
  }

  @Test
  void aPasswordAndAPasswordFileTogetherAreRefused() {
    MigrateMojo mojo = new MigrateMojo();
    mojo.url = "jdbc:h2:mem:both";
    mojo.password = "x";
    mojo.passwordFile = new File("secret");

    assertThatExceptionOfType(MojoExecutionException.class)
        .isThrownBy(mojo::engineProperties)
        .withMessage(
            "Give <password> or <passwordFile> (strata.password, strata.passwordFile), not both");
  }

  @Test
  void withoutAUrlTheGoalSaysHowToGiveOne() {
    assertThatExceptionOfType(MojoExecutionException.class)
        .isThrownBy(new MigrateMojo()::engineProperties)
        .withMessage(
            "No database configured: set <url> in the plugin's <configuration>, or"
                + " -Dstrata.url=JDBC_URL");
  }
}
