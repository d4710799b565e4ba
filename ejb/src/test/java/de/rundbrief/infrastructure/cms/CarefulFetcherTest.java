package de.rundbrief.infrastructure.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.testsupport.CmsTestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback, which the tests allow explicitly. */
class CarefulFetcherTest {

  private static final String ANY = "*/*";
  private static final CarefulFetcher.Limits SMALL =
      new CarefulFetcher.Limits(
          Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(2), 100_000, 3);

  private static CmsTestServer cms;

  @BeforeAll
  static void start() {
    cms = new CmsTestServer();
  }

  @AfterAll
  static void stop() {
    cms.close();
  }

  private static CarefulFetcher allowingLoopback() {
    return new CarefulFetcher(new AddressPolicy(List.of("127.0.0.1")), SMALL);
  }

  @Test
  void readsADocumentWithItsTypeAndCharset() {
    CarefulFetcher.Document feed = allowingLoopback().get(cms.uri("/files/rss2.xml"), ANY, null);
    assertThat(feed.mimeType()).isEqualTo("application/rss+xml");
    assertThat(feed.uri()).isEqualTo(cms.uri("/files/rss2.xml"));
    assertThat(new String(feed.body(), StandardCharsets.UTF_8)).contains("<rss");
  }

  @Test
  void loopbackIsRefusedUnlessAllowed() {
    CarefulFetcher strict = new CarefulFetcher(new AddressPolicy(List.of()), SMALL);
    int before = cms.requests().size();
    expect(() -> strict.get(cms.uri("/files/rss2.xml"), ANY, null), Reason.ADDRESS_NOT_ALLOWED);
    expect(
        () ->
            strict.get(URI.create("http://localhost:" + cms.port() + "/files/rss2.xml"), ANY, null),
        Reason.ADDRESS_NOT_ALLOWED);
    expect(
        () -> strict.get(URI.create("http://[::1]:" + cms.port() + "/"), ANY, null),
        Reason.ADDRESS_NOT_ALLOWED);
    assertThat(cms.requests()).hasSize(before);
  }

  @Test
  void aRedirectToAnInternalAddressIsRefused() {
    CarefulFetcher onlyTheName = new CarefulFetcher(new AddressPolicy(List.of("127.0.0.1")), SMALL);
    expect(
        () -> onlyTheName.get(cms.uri("/redirect?to=http://10.0.0.1/latest/meta-data/"), ANY, null),
        Reason.ADDRESS_NOT_ALLOWED);
  }

  @Test
  void redirectsAreFollowedAndCredentialsStayWithTheFirstHost() {
    String target = "http://localhost:" + cms.port() + "/files/atom.xml";
    CarefulFetcher both =
        new CarefulFetcher(new AddressPolicy(List.of("127.0.0.1", "localhost")), SMALL);
    CarefulFetcher.Document feed =
        both.get(cms.uri("/redirect?to=" + target), ANY, "Basic c2VjcmV0");
    assertThat(feed.uri()).isEqualTo(URI.create(target));
    List<String> requests = cms.requests();
    assertThat(requests.get(requests.size() - 2)).endsWith("Basic c2VjcmV0");
    assertThat(requests.get(requests.size() - 1)).isEqualTo("GET /files/atom.xml -");
  }

  @Test
  void onlyHttpAndHttpsAreRead() {
    expect(
        () -> allowingLoopback().get(URI.create("file:///etc/passwd"), ANY, null),
        Reason.UNSUPPORTED_URL);
    expect(
        () -> allowingLoopback().get(URI.create("ftp://127.0.0.1/feed"), ANY, null),
        Reason.UNSUPPORTED_URL);
    expect(
        () -> allowingLoopback().get(cms.uri("/redirect?to=file:///etc/passwd"), ANY, null),
        Reason.UNSUPPORTED_URL);
  }

  @Test
  void serverErrorsAndRefusedCredentialsAreToldApart() {
    expect(() -> allowingLoopback().get(cms.uri("/status/500"), ANY, null), Reason.HTTP_ERROR);
    expect(() -> allowingLoopback().get(cms.uri("/status/404"), ANY, null), Reason.HTTP_ERROR);
    expect(
        () -> allowingLoopback().get(cms.uri("/wp-json/wp/v2/posts"), ANY, null),
        Reason.UNAUTHORISED);
    expect(() -> allowingLoopback().get(cms.uri("/status/403"), ANY, null), Reason.UNAUTHORISED);
  }

  @Test
  void aSlowServerTimesOut() {
    long start = System.nanoTime();
    expect(() -> allowingLoopback().get(cms.uri("/slow?ms=5000"), ANY, null), Reason.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
  }

  @Test
  void aServerThatDripsBytesIsCutOffAtTheTotalTimeOut() {
    long start = System.nanoTime();
    expect(() -> allowingLoopback().get(cms.uri("/drip"), ANY, null), Reason.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aHugeAnswerIsCutOffAtTheSizeLimit() {
    expect(
        () -> allowingLoopback().get(cms.uri("/huge?bytes=50000000"), ANY, null), Reason.TOO_LARGE);
  }

  @Test
  void tooManyRedirectsAreAnError() {
    String loop =
        cms.uri("/redirect?to=/redirect?to=/redirect?to=/redirect?to=/files/rss2.xml").toString();
    expect(() -> allowingLoopback().get(URI.create(loop), ANY, null), Reason.HTTP_ERROR);
  }

  @Test
  void anUnknownHostAndAClosedPortAreReported() {
    expect(
        () -> allowingLoopback().get(URI.create("http://no-such-host.invalid/feed"), ANY, null),
        Reason.UNKNOWN_HOST);
    expect(
        () -> allowingLoopback().get(URI.create("http://127.0.0.1:1/feed"), ANY, null),
        Reason.UNREACHABLE);
  }

  @Test
  void credentialsGoOnlyToTheSameSchemeHostAndPort() {
    try (CmsTestServer other = new CmsTestServer()) {
      String target = "http://127.0.0.1:" + other.port() + "/files/atom.xml";
      allowingLoopback().get(cms.uri("/redirect?to=" + target), ANY, "Basic c2VjcmV0");
      assertThat(cms.requests().get(cms.requests().size() - 1)).endsWith("Basic c2VjcmV0");
      assertThat(other.requests())
          .as("the same host on another port gets no credentials")
          .containsExactly("GET /files/atom.xml -");
    }
  }

  @Test
  void aRedirectToSomethingThatIsNoAddressIsAnError() {
    expect(() -> allowingLoopback().get(cms.uri("/bad-redirect"), ANY, null), Reason.HTTP_ERROR);
  }

  private static void expect(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
