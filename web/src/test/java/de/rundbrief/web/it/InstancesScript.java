package de.rundbrief.web.it;

import de.rundbrief.testsupport.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code server-config/instances.sh} as IT would, on instances kept in a folder of the test,
 * with the build's WAR, Payara Micro and PostgreSQL driver as the installed binaries.
 */
public final class InstancesScript {

  /** What one call of the script printed and how it ended. */
  public record Run(int exitCode, String output) {}

  private final Path home;

  public InstancesScript(Path home) {
    this.home = home;
  }

  /**
   * The options that put an instance on the test database (its roles as IT prepares them), with the
   * demo data loaded if the database has none; a list, which {@link #run} spreads out.
   */
  public static List<Object> onTestDatabase() {
    PostgresDatabase db = PostgresDatabase.get();
    return List.of(
        "--db-url",
        "jdbc:postgresql://localhost:" + db.port() + "/" + PostgresDatabase.DATABASE,
        "--db-user",
        PostgresDatabase.APP,
        "--db-password",
        "unused",
        "--db-schema-user",
        PostgresDatabase.OWNER,
        "--db-schema-password",
        "unused",
        "--demo-data");
  }

  /**
   * {@code instances.sh --home <home> <arguments>}, waited for up to five minutes; a list among the
   * arguments stands for its elements.
   */
  public Run run(Object... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("rundbrief.serverConfig"), "instances.sh").toString());
    command.add("--home");
    command.add(home.toString());
    for (Object argument : arguments) {
      if (argument instanceof List<?> several) {
        several.forEach(each -> command.add(String.valueOf(each)));
      } else {
        command.add(String.valueOf(argument));
      }
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("RUNDBRIEF_WAR", System.getProperty("rundbrief.war"));
    environment.put("RUNDBRIEF_MICRO", System.getProperty("payara.microJar"));
    environment.put("RUNDBRIEF_POSTGRESQL_JAR", System.getProperty("rundbrief.postgresqlJar"));
    environment.put("START_TIMEOUT", "150");
    environment.put(
        "PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    return new Run(process.exitValue(), output);
  }
}
