package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * Reads every deployment example (Kubernetes manifests, the Helm chart's values and templates, the
 * Argo CD hook and the Flux release, the Dockerfile) and parses each strata command line in it with
 * the CLI's own parser, so that an option renamed in the CLI fails here instead of in someone's
 * cluster. Nothing is executed.
 */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  static final Path KUBERNETES = EXAMPLES.resolve("kubernetes");
  static final Path CHART = KUBERNETES.resolve("helm/strata-migrate");
  static final List<String> ENTRYPOINT = List.of("java", "-jar", "/strata.jar");
  static final Pattern STRATA_VARIABLE = Pattern.compile("\\b(STRATA_[A-Z_]+)\\b");

  @Test
  void everyStrataContainerInTheManifestsHasArgumentsTheCliAccepts() throws IOException {
    List<Path> manifests =
        files(KUBERNETES, ".yaml").stream().filter(p -> !p.startsWith(CHART)).toList();
    assertThat(manifests)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "init-container.yaml",
            "await-init-container.yaml",
            "tenants-indexed-job.yaml",
            "presync-migrate-job.yaml");
    int containers = 0;
    for (Path manifest : manifests) {
      for (Object document : new Yaml().loadAll(Files.readString(manifest))) {
        // Kubernetes sets JOB_COMPLETION_INDEX in the pods of an Indexed Job.
        boolean indexed = Files.readString(manifest).contains("completionMode: Indexed");
        for (Map<String, Object> container : containers(document)) {
          if (String.valueOf(container.get("image")).contains("/strata:")) {
            assertThat(container)
                .as(manifest + ": the image's ENTRYPOINT runs strata")
                .doesNotContainKey("command");
            Map<String, String> environment = literalEnvironment(container);
            if (indexed) {
              environment.put("JOB_COMPLETION_INDEX", "3");
            }
            parses(
                manifest + " " + container.get("name"),
                strings(container.get("args")),
                environment);
            containers++;
          }
        }
      }
    }
    assertThat(containers).isEqualTo(4);
  }

  @Test
  void theArgoCdHookMigratesLabellingTheRunWithTheImageTag() throws IOException {
    Map<String, Object> job =
        new Yaml().load(Files.readString(KUBERNETES.resolve("argocd/presync-migrate-job.yaml")));
    Map<String, Object> container = containers(job).get(0);

    assertThat(map(map(job.get("metadata")).get("annotations")))
        .containsEntry("argocd.argoproj.io/hook", "PreSync");
    List<String> args = strings(container.get("args"));
    assertThat(args).first().isEqualTo("migrate");
    assertThat(args.get(args.indexOf("--release") + 1)).isEqualTo("$(APP_IMAGE_TAG)");
    assertThat(literalEnvironment(container)).containsEntry("APP_IMAGE_TAG", "1.4.2");
    // As Kubernetes expands it before strata starts.
    List<String> expanded = args.stream().map(a -> a.replace("$(APP_IMAGE_TAG)", "1.4.2")).toList();
    parses("argocd PreSync Job", expanded, literalEnvironment(container));
  }

  @Test
  void theFluxReleaseRollsBackWithTheChartsPreRollbackHook() throws IOException {
    Map<String, Object> release =
        new Yaml().load(Files.readString(KUBERNETES.resolve("flux/helmrelease.yaml")));
    Map<String, Object> spec = map(release.get("spec"));
    Map<String, Object> values = map(spec.get("values"));
    Map<String, Object> chartValues =
        new Yaml().load(Files.readString(CHART.resolve("values.yaml")));

    assertThat(String.valueOf(map(map(spec.get("chart")).get("spec")).get("chart")))
        .endsWith("helm/strata-migrate");
    assertThat(map(map(spec.get("upgrade")).get("remediation")))
        .containsEntry("strategy", "rollback");
    assertThat(chartValues.keySet()).containsAll(values.keySet());
    assertThat(map(values.get("rollback"))).containsEntry("enabled", true);
    List<String> rollback = new ArrayList<>(strings(map(chartValues.get("rollback")).get("args")));
    rollback.add(String.valueOf(values.get("release")));
    parses("flux rollback hook", rollback, Map.of());
  }

  @Test
  void theHelmValuesHoldTheJobsArgumentsAsLiteralListsAndTheCliAcceptsThem() throws IOException {
    Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
    Map<String, Object> migrate = map(values.get("migrate"));
    Map<String, Object> down = map(values.get("down"));
    Map<String, Object> rollback = map(values.get("rollback"));
    Map<String, String> environment = new HashMap<>();
    map(values.get("env")).forEach((k, v) -> environment.put(k, String.valueOf(v)));

    parses("values.yaml migrate.args", strings(migrate.get("args")), environment);
    parses("values.yaml down.args", strings(down.get("args")), environment);
    assertThat(strings(migrate.get("args"))).first().isEqualTo("migrate");
    assertThat(strings(down.get("args"))).containsExactly("down", "--last-run");
    assertThat(down).containsEntry("enabled", false);
    // The template appends the release rolled back to.
    List<String> rollbackArgs = new ArrayList<>(strings(rollback.get("args")));
    assertThat(rollbackArgs).containsExactly("down", "--to-release");
    rollbackArgs.add("0.1.0");
    parses("values.yaml rollback.args + release", rollbackArgs, environment);
    assertThat(rollback).containsEntry("enabled", false);
    assertThat(values).containsEntry("release", "");
  }

  @Test
  void theHelmTemplatesTakeTheirArgumentsFromTheValuesAndKeepFailedJobs() throws IOException {
    String helpers = Files.readString(CHART.resolve("templates/_helpers.tpl"));
    String migrate = Files.readString(CHART.resolve("templates/migrate-job.yaml"));
    String down = Files.readString(CHART.resolve("templates/down-job.yaml"));
    String rollback = Files.readString(CHART.resolve("templates/rollback-job.yaml"));
    assertThat(Files.readString(CHART.resolve("Chart.yaml"))).contains("name: strata-migrate");

    assertThat(helpers)
        .contains("toYaml .args")
        .contains("name: STRATA_RELEASE")
        .contains(".Values.release | default .Chart.AppVersion");
    assertThat(migrate)
        .contains("\"args\" .Values.migrate.args")
        .contains("\"helm.sh/hook\": pre-install,pre-upgrade")
        .contains("\"helm.sh/hook-delete-policy\": before-hook-creation")
        .startsWith("{{- if not .Values.down.enabled }}");
    assertThat(down)
        .contains("\"args\" .Values.down.args")
        .contains("\"helm.sh/hook-delete-policy\": before-hook-creation")
        .startsWith("{{- if .Values.down.enabled }}");
    assertThat(rollback)
        .contains("(append .Values.rollback.args (include \"strata-migrate.release\" $))")
        .contains("\"helm.sh/hook\": pre-rollback")
        .contains("\"helm.sh/hook-delete-policy\": before-hook-creation")
        .startsWith("{{- if .Values.rollback.enabled }}");
    // Arguments live in values.yaml only (the rollback Job appends the release label): no
    // template writes a command line of its own.
    for (String template : List.of(helpers, migrate, down, rollback)) {
      assertThat(template)
          .doesNotContain("args: [")
          .doesNotContain("- migrate\n")
          .doesNotContain("command:");
    }
  }

  @Test
  void theDockerfileRunsTheRunnableJarAndItsDefaultCommandParses() throws IOException {
    String dockerfile = Files.readString(EXAMPLES.resolve("docker/Dockerfile"));

    assertThat(instruction(dockerfile, "FROM")).isEqualTo("eclipse-temurin:17-jre");
    assertThat(jsonArray(instruction(dockerfile, "ENTRYPOINT"))).isEqualTo(ENTRYPOINT);
    assertThat(instruction(dockerfile, "COPY")).endsWith(" /strata.jar");
    parses("Dockerfile CMD", jsonArray(instruction(dockerfile, "CMD")), Map.of());
  }

  @Test
  void everyStrataVariableTheExamplesSetIsOneTheCliReads() throws IOException {
    List<String> known = EnvironmentDefaults.environmentNames();
    List<Path> files = new ArrayList<>(files(KUBERNETES, ""));
    files.add(EXAMPLES.resolve("docker/Dockerfile"));
    for (Path file : files) {
      Matcher m = STRATA_VARIABLE.matcher(Files.readString(file));
      while (m.find()) {
        assertThat(known).as(file + " sets " + m.group(1)).contains(m.group(1));
      }
    }
  }

  @Test
  void theConfigurationPageDocumentsEveryStrataVariable() throws IOException {
    Path page = EXAMPLES.resolveSibling("docs").resolve("configuration.md");
    String configuration = Files.readString(page);

    assertThat(EnvironmentDefaults.environmentNames())
        .allSatisfy(
            name -> assertThat(configuration).as(page.toString()).contains("`" + name + "`"));
  }

  /** Parses {@code strata args...} as the CLI would, and checks what picocli cannot express. */
  private static void parses(String where, List<String> args, Map<String, String> environment) {
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()),
            Format.TEXT,
            new SecretMask(),
            Clock.systemUTC());
    StrataLoader loader =
        new StrataLoader(
            console, new SecretMask(), environment, new Properties(), new StopRequest());
    CommandLine cl =
        Launcher.commandLine(
            console, loader, new EnvironmentDefaults(environment, new Properties()));
    try {
      CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(where + ": " + args + " names a command").isTrue();
      Object command = parsed.subcommand().commandSpec().userObject();
      if (command instanceof EngineCommand engine) {
        engine.checkOptions();
      }
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(
          where + ": strata " + String.join(" ", args) + ": " + e.getMessage(), e);
    }
  }

  /** Every map with an {@code image} key anywhere in {@code node}: the containers. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> containers(Object node) {
    List<Map<String, Object>> found = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("image")) {
        found.add((Map<String, Object>) map);
      }
      map.values().forEach(v -> found.addAll(containers(v)));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> found.addAll(containers(v)));
    }
    return found;
  }

  /** The variables a container sets with literal values ({@code valueFrom} ones are secrets). */
  private static Map<String, String> literalEnvironment(Map<String, Object> container) {
    Map<String, String> environment = new HashMap<>();
    Object env = container.get("env");
    if (env instanceof List<?> list) {
      for (Object item : list) {
        Map<String, Object> variable = map(item);
        if (variable.containsKey("value")) {
          environment.put(
              String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
        }
      }
    }
    return environment;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  private static List<String> strings(Object node) {
    assertThat(node).as("a literal list of arguments").isInstanceOf(List.class);
    return ((List<?>) node).stream().map(String::valueOf).toList();
  }

  private static String instruction(String dockerfile, String name) {
    return dockerfile
        .lines()
        .filter(l -> l.startsWith(name + " "))
        .map(l -> l.substring(name.length() + 1).strip())
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no " + name + " in the Dockerfile"));
  }

  /** {@code ["java","-jar","/strata.jar"]}: the exec form, which is a JSON array of strings. */
  private static List<String> jsonArray(String text) {
    Object parsed = new Yaml().load(text); // JSON is YAML
    return strings(parsed);
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }
}
