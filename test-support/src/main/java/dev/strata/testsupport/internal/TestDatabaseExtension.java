package dev.strata.testsupport.internal;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySql8Test;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import dev.strata.testsupport.TestDatabase;
import dev.strata.testsupport.TestDatabases;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Behind {@link PostgresTest}, {@link MySqlTest} and {@link MySql8Test}: skips (or under CI fails,
 * unless the server is optional) tests whose server is missing, and injects {@link TestDatabase}
 * and {@link IsolatedDatabase} parameters. Each injected {@code IsolatedDatabase} is put in the
 * JUnit store, which closes (drops) it when the scope that asked for it ends.
 */
public final class TestDatabaseExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestDatabaseExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getTestClass().ifPresent(c -> requireAll(kindsOfClass(c)));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // Parameters are checked here too: an abort thrown while resolving one would be reported
    // as a resolution failure, not as a skip.
    Set<ServerKind> kinds = EnumSet.noneOf(ServerKind.class);
    context
        .getTestMethod()
        .ifPresent(
            m -> {
              kinds.addAll(kindsOn(m));
              for (Parameter p : m.getParameters()) {
                kinds.addAll(kindsOn(p));
              }
            });
    requireAll(kinds);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == IsolatedDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase server = server(kindFor(parameter, context)).requireAvailable();
    if (parameter.getParameter().getType() == TestDatabase.class) {
      return server;
    }
    IsolatedDatabase db = server.createIsolated();
    context.getStore(NAMESPACE).put(db.name(), db);
    return db;
  }

  private static ServerKind kindFor(ParameterContext parameter, ExtensionContext context) {
    Set<ServerKind> kinds = kindsOn(parameter.getParameter());
    // The nearest declaration wins: the parameter's, then the method's, then the class's.
    if (kinds.isEmpty()) {
      context.getTestMethod().ifPresent(m -> kinds.addAll(kindsOn(m)));
    }
    if (kinds.isEmpty()) {
      context.getTestClass().ifPresent(c -> kinds.addAll(kindsOfClass(c)));
    }
    if (kinds.size() != 1) {
      throw new ParameterResolutionException(
          "Cannot tell which database to inject into parameter "
              + parameter.getParameter()
              + " of "
              + parameter.getDeclaringExecutable()
              + ": found "
              + (kinds.isEmpty() ? "none" : "more than one")
              + " of @PostgresTest, @MySqlTest and @MySql8Test; annotate the parameter with one"
              + " of them");
    }
    return kinds.iterator().next();
  }

  private static Set<ServerKind> kindsOfClass(Class<?> testClass) {
    Set<ServerKind> kinds = EnumSet.noneOf(ServerKind.class);
    // A @Nested class inherits its enclosing classes' databases.
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      kinds.addAll(kindsOn(c));
    }
    return kinds;
  }

  private static Set<ServerKind> kindsOn(AnnotatedElement element) {
    Set<ServerKind> kinds = EnumSet.noneOf(ServerKind.class);
    if (AnnotationSupport.isAnnotated(element, PostgresTest.class)) {
      kinds.add(ServerKind.POSTGRES);
    }
    if (AnnotationSupport.isAnnotated(element, MySqlTest.class)) {
      kinds.add(ServerKind.MYSQL);
    }
    if (AnnotationSupport.isAnnotated(element, MySql8Test.class)) {
      kinds.add(ServerKind.MYSQL8);
    }
    return kinds;
  }

  private static void requireAll(Set<ServerKind> kinds) {
    for (ServerKind kind : kinds) {
      server(kind).requireAvailable();
    }
  }

  private static TestDatabase server(ServerKind kind) {
    return switch (kind) {
      case POSTGRES -> TestDatabases.postgres();
      case MYSQL -> TestDatabases.mysql();
      case MYSQL8 -> TestDatabases.mysql8();
    };
  }
}
