package de.rundbrief.ear;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.InitialDirContext;

/**
 * A private OpenLDAP server (Debian's {@code slapd}) on loopback with a directory as IT keeps one:
 * people under {@value #PEOPLE}, groups of unique names under {@value #GROUPS}, and a service
 * account that may search. Only signed-in accounts may read the directory, so a realm without the
 * service account finds nobody.
 */
final class Slapd implements AutoCloseable {

  static final String BASE = "dc=rundbrief,dc=test";
  static final String PEOPLE = "ou=people," + BASE;
  static final String GROUPS = "ou=groups," + BASE;
  static final String SEARCH_DN = "cn=rundbrief,ou=services," + BASE;
  static final String SEARCH_PASSWORD = "s3arch:p=ss&rd|1";

  /** A person in the directory and the groups (common names) that list it as a member. */
  record Person(String uid, String password, List<String> groups) {
    String dn() {
      return "uid=" + uid + "," + PEOPLE;
    }
  }

  private final Process process;
  private final int port;
  private final Thread stopAtExit;

  private Slapd(Process process, int port) {
    this.process = process;
    this.port = port;
    this.stopAtExit = new Thread(process::destroy);
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /** Writes the configuration and directory into {@code directory} and starts slapd there. */
  static Slapd start(Path directory, List<Person> people) throws IOException {
    String slapd = program("slapd");
    String slapadd = program("slapadd");
    Path data = Files.createDirectories(directory.resolve("data"));
    Path config = directory.resolve("slapd.conf");
    Files.writeString(config, config(data, directory.resolve("slapd.pid")));
    Path ldif = directory.resolve("directory.ldif");
    Files.writeString(ldif, ldif(people));
    run(directory.resolve("slapadd.log"), slapadd, "-f", config.toString(), "-l", ldif.toString());

    int port = freePort();
    Process process =
        new ProcessBuilder(
                slapd, "-f", config.toString(), "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("slapd.log").toFile())
            .start();
    Slapd server = new Slapd(process, port);
    try {
      server.awaitListening(directory.resolve("slapd.log"));
    } catch (IOException | RuntimeException | Error e) {
      process.destroyForcibly();
      throw e;
    }
    return server;
  }

  /** The address of the directory, as the realm's {@code directory} property takes it. */
  String url() {
    return "ldap://127.0.0.1:" + port;
  }

  /** Whether the directory takes this person's password: a simple bind as the person. */
  boolean accepts(Person person) {
    Hashtable<String, String> environment = new Hashtable<>();
    environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    environment.put(Context.PROVIDER_URL, url());
    environment.put(Context.SECURITY_AUTHENTICATION, "simple");
    environment.put(Context.SECURITY_PRINCIPAL, person.dn());
    environment.put(Context.SECURITY_CREDENTIALS, person.password());
    try {
      new InitialDirContext(environment).close();
      return true;
    } catch (AuthenticationException wrongPassword) {
      return false;
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    Runtime.getRuntime().removeShutdownHook(stopAtExit);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void awaitListening(Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("slapd stopped at start:\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(20);
      }
    }
    fail("slapd did not listen on port " + port + " within ten seconds:\n" + Files.readString(log));
  }

  private static String config(Path data, Path pidFile) {
    return """
        include /etc/ldap/schema/core.schema
        include /etc/ldap/schema/cosine.schema
        include /etc/ldap/schema/inetorgperson.schema
        pidfile %s
        modulepath /usr/lib/ldap
        moduleload back_mdb
        database mdb
        maxsize 10485760
        suffix "%s"
        directory %s
        access to attrs=userPassword
          by anonymous auth
          by * none
        access to *
          by users read
          by * none
        """
        .formatted(pidFile, BASE, data);
  }

  private static String ldif(List<Person> people) {
    StringBuilder ldif = new StringBuilder();
    entry(
        ldif,
        BASE,
        "objectClass: dcObject",
        "objectClass: organization",
        "dc: rundbrief",
        "o: Rundbrief");
    for (String unit : List.of("people", "groups", "services")) {
      entry(ldif, "ou=" + unit + "," + BASE, "objectClass: organizationalUnit", "ou: " + unit);
    }
    entry(
        ldif,
        SEARCH_DN,
        "objectClass: person",
        "cn: rundbrief",
        "sn: Rundbrief",
        "userPassword: " + SEARCH_PASSWORD);
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (Person person : people) {
      entry(
          ldif,
          person.dn(),
          "objectClass: inetOrgPerson",
          "uid: " + person.uid(),
          "cn: " + person.uid(),
          "sn: " + person.uid(),
          "userPassword: " + person.password());
      person
          .groups()
          .forEach(g -> members.computeIfAbsent(g, k -> new ArrayList<>()).add(person.dn()));
    }
    members.forEach(
        (group, dns) -> {
          List<String> lines =
              new ArrayList<>(List.of("objectClass: groupOfUniqueNames", "cn: " + group));
          dns.forEach(dn -> lines.add("uniqueMember: " + dn));
          entry(ldif, "cn=" + group + "," + GROUPS, lines.toArray(String[]::new));
        });
    return ldif.toString();
  }

  private static void entry(StringBuilder ldif, String dn, String... lines) {
    ldif.append("dn: ").append(dn).append('\n');
    for (String line : lines) {
      ldif.append(line).append('\n');
    }
    ldif.append('\n');
  }

  /** Debian's slapd lives in /usr/sbin, which is not on every user's path. */
  private static String program(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseGet(
            () ->
                fail(
                    name
                        + " not found: the Payara Server smoke test needs Debian's slapd and"
                        + " ldap-utils packages (.ci/run installs them)"));
  }

  private static void run(Path log, String... command) throws IOException {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " failed:\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
