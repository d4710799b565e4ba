package de.rundbrief.web.it;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.rundbrief.testsupport.PostgresDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares what IT prepares before Rundbrief starts on Payara Micro: a PostgreSQL database with its
 * two roles, the datasources, the realm with the test staff, the shared mail session (to an SMTP
 * server on loopback) and the system properties, written into the post-boot command file that the
 * Arquillian container passes to Payara Micro. Register it before {@code ArquillianExtension}.
 */
public class RundbriefServer implements BeforeAllCallback {

  /** The password of every test user. */
  public static final String PASSWORD = "demo";

  /** The sender address of the shared mail session. */
  public static final String MAIL_FROM = "newsletter@rundbrief.test";

  /** The public rate limit per address in the tests: above what the tests themselves send. */
  public static final int PUBLIC_REQUESTS_PER_MINUTE = 60;

  /** How long a killed server's claimed recipients wait for another: short, for the crash test. */
  public static final int SENDING_LEASE_SECONDS = 15;

  /**
   * How long a killed server's scheduled duties (bounce mailbox, scheduled mailings) wait for the
   * next server: short, so that a server started after the crash test's kill takes them within
   * seconds.
   */
  public static final int CLUSTER_LEASE_SECONDS = 5;

  private static boolean prepared;
  private static GreenMail smtp;
  private static GreenMailUser bounceMailbox;

  /** The bounce mailbox's password on the IMAP server on loopback. */
  private static final String BOUNCE_PASSWORD = "bounces-on-loopback";

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    prepare();
    // every boot creates the realm's users anew
    Files.writeString(itDirectory().resolve("keyfile"), "");
  }

  /** Empties the realm file, so that the next boot's post-boot commands create the users anew. */
  static void resetRealm() throws IOException {
    Files.writeString(itDirectory().resolve("keyfile"), "");
  }

  public static Path itDirectory() {
    return Path.of(System.getProperty("rundbrief.itDirectory"));
  }

  /** The WAR that the build made, deployed as it is. */
  public static WebArchive war() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("rundbrief.war")));
  }

  /**
   * The SMTP server on loopback that the shared mail session sends to; one for the whole run, with
   * every test's messages (tests look for their own recipients).
   */
  public static GreenMail smtp() {
    return smtp;
  }

  /**
   * The mailbox of the mail session's own address, where bounces go: the server reads it over IMAP
   * every second.
   */
  public static GreenMailUser bounceMailbox() {
    return bounceMailbox;
  }

  /** The address the server is reached at, as links in mails show it. */
  public static String publicUrl() {
    return "http://localhost:" + System.getProperty("rundbrief.httpPort");
  }

  private static synchronized void prepare() throws IOException {
    if (prepared) {
      return;
    }
    smtp =
        new GreenMail(
            new ServerSetup[] {
              ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
            });
    smtp.start();
    bounceMailbox = smtp.setUser(MAIL_FROM, MAIL_FROM, BOUNCE_PASSWORD);
    PostgresDatabase db = PostgresDatabase.get();
    Path config = Path.of(System.getProperty("rundbrief.serverConfig"), "micro");
    Path it = Files.createDirectories(itDirectory());
    Path realmFile = it.resolve("keyfile");
    Files.writeString(realmFile, "");
    Path passwordFile = it.resolve("password");
    Files.writeString(passwordFile, "AS_ADMIN_USERPASSWORD=" + PASSWORD + "\n");

    String url = "jdbc:postgresql://localhost:" + db.port() + "/" + PostgresDatabase.DATABASE;
    String commands =
        read(config.resolve("datasource-postgresql.asadmin"))
                .replace("@DB_URL@", escape(url))
                .replace("@DB_USER@", PostgresDatabase.APP)
                .replace("@DB_PASSWORD@", "unused")
                .replace("@SCHEMA_USER@", PostgresDatabase.OWNER)
                .replace("@SCHEMA_PASSWORD@", "unused")
            + read(config.resolve("realm-file.asadmin"))
                .replace("@REALM_FILE@", escape(realmFile.toString()))
            + read(config.resolve("demo-users.asadmin"))
            + read(config.resolve("mail-session.asadmin"))
                .replace("@SMTP_HOST@", "127.0.0.1")
                .replace("@SMTP_PORT@", String.valueOf(smtp.getSmtp().getPort()))
                .replace("@MAIL_FROM@", MAIL_FROM)
            + String.join("\n", testUsers())
            + "\n";
    Files.writeString(
        it.resolve("post-boot.asadmin"),
        commands.replace("@PASSWORD_FILE@", passwordFile.toString()));
    Files.writeString(
        it.resolve("system.properties"),
        "rundbrief.demo-data=true\n"
            + "rundbrief.public-base-url="
            + publicUrl()
            + "\n"
            + "rundbrief.public.requests-per-minute="
            + PUBLIC_REQUESTS_PER_MINUTE
            + "\n"
            + "rundbrief.sending.lease-seconds="
            + SENDING_LEASE_SECONDS
            + "\n"
            + "rundbrief.cluster.lease-seconds="
            + CLUSTER_LEASE_SECONDS
            + "\n"
            + "rundbrief.bounces.store-url=imap://"
            + MAIL_FROM.replace("@", "%40")
            + "@127.0.0.1:"
            + smtp.getImap().getPort()
            + "/INBOX\n"
            + "rundbrief.bounces.password="
            + BOUNCE_PASSWORD
            + "\n"
            + "rundbrief.bounces.poll-seconds=1\n");
    prepared = true;
  }

  /** Staff the demo realm does not have, for the edges of the role model. */
  private static List<String> testUsers() {
    return List.of(
        user("nord-admin", "rundbrief-nord-admin"),
        user("sued-admin", "rundbrief-sued-admin"),
        user("mixed", "rundbrief-nord-viewer:rundbrief-sued-editor"),
        user("outsider", "staff:marketing"),
        user("ghost", "rundbrief-atlantis-editor"),
        user("dormant-editor", "rundbrief-dormant-editor"),
        user("bench-editor", "rundbrief-t0500-editor"),
        user("bench-big", "rundbrief-t1000-editor"));
  }

  private static String user(String name, String groups) {
    return "create-file-user --authrealmname rundbrief --groups "
        + groups
        + " --passwordfile @PASSWORD_FILE@ "
        + name;
  }

  private static String escape(String value) {
    return value.replace(":", "\\:");
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
