package de.rundbrief.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a session holds moves between the instances of a cluster by serialization (the web
 * application is distributable): every session-scoped and view-scoped bean, and everything their
 * fields may hold, must be serializable. Injected fields are the container's proxies, which are.
 */
class SessionStateTest {

  @Test
  void everySessionAndViewScopedBeanIsSerializableThroughAndThrough() throws Exception {
    List<Class<?>> beans = sessionStoredBeans();
    assertThat(beans).contains(WorkingTenant.class, LocaleSwitch.class).hasSizeGreaterThan(15);

    List<String> problems = new ArrayList<>();
    Set<Class<?>> checked = new HashSet<>();
    for (Class<?> bean : beans) {
      check(bean, bean.getSimpleName(), checked, problems);
    }

    assertThat(problems).isEmpty();
  }

  private static void check(Type type, String path, Set<Class<?>> checked, List<String> problems) {
    if (type instanceof ParameterizedType parameterized) {
      check(parameterized.getRawType(), path, checked, problems);
      for (Type argument : parameterized.getActualTypeArguments()) {
        check(argument, path + "<>", checked, problems);
      }
      return;
    }
    if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        check(bound, path, checked, problems);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || c.isPrimitive() || c.isEnum() || !checked.add(c)) {
      return;
    }
    if (c.isArray()) {
      check(c.getComponentType(), path + "[]", checked, problems);
      return;
    }
    if (c == Object.class
        || c == Optional.class
        || Collection.class.isAssignableFrom(c) && c.isInterface()
        || Map.class.isAssignableFrom(c) && c.isInterface()) {
      // the elements are checked through the type arguments; Optional is never a field here
      if (c == Optional.class) {
        problems.add(path + ": Optional is not serializable");
      }
      return;
    }
    if (!Serializable.class.isAssignableFrom(c)) {
      problems.add(path + ": " + c.getName() + " is not serializable");
      return;
    }
    if (c.getName().startsWith("java.") || c.getName().startsWith("jakarta.")) {
      return;
    }
    for (Class<?> declaring = c;
        declaring != null && declaring != Object.class;
        declaring = declaring.getSuperclass()) {
      if (declaring.getName().startsWith("org.primefaces.")) {
        break;
      }
      if (!Serializable.class.isAssignableFrom(declaring)
          && Stream.of(declaring.getDeclaredFields())
              .anyMatch(field -> !Modifier.isStatic(field.getModifiers()))) {
        // serialization skips the fields of a superclass that is not serializable
        problems.add(path + ": its superclass " + declaring.getName() + " is not serializable");
      }
      for (Field field : declaring.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            || Modifier.isTransient(modifiers)
            || field.isSynthetic()
            || field.isAnnotationPresent(Inject.class)
            || field.isAnnotationPresent(EJB.class)
            || field.getName().startsWith("_persistence_")) {
          continue;
        }
        check(field.getGenericType(), path + "." + field.getName(), checked, problems);
      }
    }
  }

  private static List<Class<?>> sessionStoredBeans()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes =
        Path.of(WorkingTenant.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> beans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, SessionStateTest.class.getClassLoader());
        if (c.isAnnotationPresent(SessionScoped.class) || c.isAnnotationPresent(ViewScoped.class)) {
          beans.add(c);
        }
      }
    }
    return beans;
  }
}
