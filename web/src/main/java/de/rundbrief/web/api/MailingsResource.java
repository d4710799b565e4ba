package de.rundbrief.web.api;

import de.rundbrief.application.MailingData;
import de.rundbrief.application.MailingService;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingProgress;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.mailing.Recipient;
import de.rundbrief.domain.mailing.RecipientState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.MailingStatistics;
import de.rundbrief.domain.tracking.TrackingStatistics;
import de.rundbrief.infrastructure.csv.CsvWriter;
import de.rundbrief.web.api.Json.PageJson;
import de.rundbrief.web.exports.MailingStatisticsCsv;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant's mailings: drafts to create and change, a test send, then start or schedule, pause,
 * resume, cancel, and the progress and recipients while and after it goes out.
 */
@Path("v1/tenants/{tenant}/mailings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailingsResource {

  /** A mailing as the API shows it. */
  public record MailingJson(
      Long id,
      String name,
      String status,
      String subject,
      String preheader,
      String senderName,
      String senderAddress,
      String replyTo,
      String language,
      String htmlBody,
      String textBody,
      Set<Long> listIds,
      Set<Long> segmentIds,
      Boolean tracking,
      Instant scheduledAt,
      Instant startedAt,
      Instant finishedAt,
      Integer recipientCount) {

    static MailingJson of(Mailing mailing) {
      return new MailingJson(
          mailing.getId(),
          mailing.getName(),
          mailing.getStatus().name().toLowerCase(Locale.ROOT),
          mailing.getSubject(),
          mailing.getPreheader(),
          mailing.getSender().name(),
          mailing.getSender().address(),
          mailing.getReplyTo(),
          mailing.getLanguage(),
          mailing.getHtmlBody(),
          mailing.getTextBody(),
          mailing.getListIds(),
          mailing.getSegmentIds(),
          mailing.isTracking(),
          mailing.getScheduledAt(),
          mailing.getStartedAt(),
          mailing.getFinishedAt(),
          mailing.getRecipientCount());
    }
  }

  /** How far sending has come. */
  public record ProgressJson(
      String status,
      long total,
      long sent,
      long failed,
      long skipped,
      long remaining,
      double messagesPerSecond,
      Instant expectedEnd) {

    static ProgressJson of(MailingProgress progress) {
      return new ProgressJson(
          progress.status().name().toLowerCase(Locale.ROOT),
          progress.total(),
          progress.sent(),
          progress.failed(),
          progress.skipped(),
          progress.remaining(),
          Math.round(progress.rate() * 10) / 10.0,
          progress.expectedEnd(Instant.now()));
    }
  }

  /** One recipient's state. */
  public record RecipientJson(
      long subscriberId, String email, String state, int attempts, String reason, Instant sentAt) {

    static RecipientJson of(Recipient recipient) {
      return new RecipientJson(
          recipient.getSubscriberId(),
          recipient.getEmail(),
          recipient.getState().name().toLowerCase(Locale.ROOT),
          recipient.getAttempts(),
          recipient.getReason(),
          recipient.getSentAt());
    }
  }

  /** A new mailing from a template: the tenant's own, or a published shared one. */
  public record FromTemplateInput(
      String name, Long templateId, Boolean shared, String senderAddress) {}

  /** The addresses of a test send. */
  public record TestInput(List<String> addresses) {}

  /** When a mailing is to go out: an ISO-8601 instant such as {@code 2026-12-01T08:00:00Z}. */
  public record ScheduleInput(String at) {}

  @Inject private TenantPaths tenantPaths;
  @Inject private MailingService mailings;

  @GET
  public PageJson<MailingJson> list(
      @PathParam("tenant") String tenant,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return PageJson.of(
        mailings.list(
            tenantPaths.visible(tenant),
            status == null ? null : parse(MailingStatus.class, status, "status"),
            Paging.request(page, size, null, false)),
        MailingJson::of);
  }

  @GET
  @Path("{id}")
  public MailingJson get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MailingJson.of(mailings.get(tenantPaths.visible(tenant), id));
  }

  @POST
  public Response create(
      @PathParam("tenant") String tenant, MailingJson input, @Context UriInfo uri) {
    Mailing created = mailings.create(tenantPaths.visible(tenant), data(input));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(MailingJson.of(created))
        .build();
  }

  @POST
  @Path("from-template")
  public Response createFromTemplate(
      @PathParam("tenant") String tenant, FromTemplateInput input, @Context UriInfo uri) {
    if (input == null || input.templateId() == null || input.name() == null) {
      throw new BadRequestException("The request needs the name and the templateId");
    }
    Mailing created =
        mailings.createFromTemplate(
            tenantPaths.visible(tenant),
            input.templateId(),
            Boolean.TRUE.equals(input.shared()),
            input.name(),
            input.senderAddress());
    return Response.created(
            uri.getBaseUriBuilder()
                .path("v1/tenants/{tenant}/mailings/{id}")
                .build(tenant, created.getId()))
        .entity(MailingJson.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  public MailingJson update(
      @PathParam("tenant") String tenant, @PathParam("id") long id, MailingJson input) {
    return MailingJson.of(mailings.update(tenantPaths.visible(tenant), id, data(input)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    mailings.delete(tenantPaths.visible(tenant), id);
    return Response.noContent().build();
  }

  /** The HTML a subscriber would get (placeholders' fallbacks without one). */
  @GET
  @Path("{id}/preview")
  @Produces(MediaType.TEXT_HTML)
  public Response preview(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("subscriber") Long subscriberId) {
    String html = mailings.preview(tenantPaths.visible(tenant), id, subscriberId);
    // the preview is shown, never run: no scripts, no forms, nothing from elsewhere but images
    return Response.ok(html)
        .header(
            "Content-Security-Policy",
            "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; sandbox")
        .build();
  }

  @POST
  @Path("{id}/test")
  public Response sendTest(
      @PathParam("tenant") String tenant, @PathParam("id") long id, TestInput input) {
    if (input == null || input.addresses() == null) {
      throw new BadRequestException("The request needs the addresses to test with");
    }
    mailings.sendTest(tenantPaths.visible(tenant), id, input.addresses());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/start")
  public MailingJson start(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MailingJson.of(mailings.start(tenantPaths.visible(tenant), id));
  }

  @POST
  @Path("{id}/schedule")
  public MailingJson schedule(
      @PathParam("tenant") String tenant, @PathParam("id") long id, ScheduleInput input) {
    if (input == null || input.at() == null) {
      throw new BadRequestException("The request needs the time to send at");
    }
    Instant at;
    try {
      at = Instant.parse(input.at());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("Not an ISO-8601 instant: " + input.at());
    }
    return MailingJson.of(mailings.schedule(tenantPaths.visible(tenant), id, at));
  }

  @POST
  @Path("{id}/unschedule")
  public MailingJson unschedule(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MailingJson.of(mailings.unschedule(tenantPaths.visible(tenant), id));
  }

  @POST
  @Path("{id}/pause")
  public MailingJson pause(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MailingJson.of(mailings.pause(tenantPaths.visible(tenant), id));
  }

  @POST
  @Path("{id}/resume")
  public MailingJson resume(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MailingJson.of(mailings.resume(tenantPaths.visible(tenant), id));
  }

  @POST
  @Path("{id}/cancel")
  public MailingJson cancel(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MailingJson.of(mailings.cancel(tenantPaths.visible(tenant), id));
  }

  @GET
  @Path("{id}/progress")
  public ProgressJson progress(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return ProgressJson.of(mailings.progress(tenantPaths.visible(tenant), id));
  }

  /** Sent, failed, opens and clicks (people and machines apart), rates and clicks per link. */
  @GET
  @Path("{id}/statistics")
  public StatisticsJson statistics(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return StatisticsJson.of(mailings.statistics(tenantPaths.visible(tenant), id));
  }

  /**
   * A mailing's statistics with the rates worked out (JSON-B writes a record's components only, so
   * the rates, which the statistics derive, are components here). The parts are records of their
   * own: the domain's carry bean getters for the screens, which JSON-B would write as well.
   */
  public record StatisticsJson(
      long mailingId,
      long sent,
      long failed,
      long delivered,
      BouncesJson bounces,
      long unsubscribes,
      CountsJson opens,
      CountsJson clicks,
      double openRate,
      double clickRate,
      double clickToOpenRate,
      double unsubscribeRate,
      List<LinkJson> links,
      List<TrackingStatistics.HourlyCounts> timeline) {

    static StatisticsJson of(MailingStatistics s) {
      return new StatisticsJson(
          s.mailingId(),
          s.sent(),
          s.failed(),
          s.delivered(),
          BouncesJson.of(s.bounces()),
          s.unsubscribes(),
          CountsJson.of(s.opens()),
          CountsJson.of(s.clicks()),
          s.openRate(),
          s.clickRate(),
          s.clickToOpenRate(),
          s.unsubscribeRate(),
          s.links().stream().map(LinkJson::of).toList(),
          s.timeline());
    }
  }

  public record BouncesJson(long hard, long soft, long complaints, long autoReplies) {
    static BouncesJson of(MailingStatistics.Bounces b) {
      return new BouncesJson(b.hard(), b.soft(), b.complaints(), b.autoReplies());
    }
  }

  public record CountsJson(long total, long unique, long machineTotal, long machineUnique) {
    static CountsJson of(MailingStatistics.Counts c) {
      return new CountsJson(c.total(), c.unique(), c.machineTotal(), c.machineUnique());
    }
  }

  public record LinkJson(int index, String url, long total, long unique) {
    static LinkJson of(MailingStatistics.LinkClicks l) {
      return new LinkJson(l.index(), l.url(), l.total(), l.unique());
    }
  }

  /** The same as CSV: the figures, the links and the hours. */
  @GET
  @Path("{id}/statistics.csv")
  @Produces(ImportsResource.CSV)
  public Response statisticsCsv(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("separator") @DefaultValue(",") String separator,
      @QueryParam("bom") @DefaultValue("false") boolean bom) {
    MailingStatistics statistics = mailings.statistics(tenantPaths.visible(tenant), id);
    CsvWriter.Builder format = CsvDownload.format(separator, bom);
    StreamingOutput csv = out -> MailingStatisticsCsv.write(statistics, format, out);
    return CsvDownload.attachment(csv, "mailing-" + id + "-statistics.csv");
  }

  @GET
  @Path("{id}/recipients")
  public PageJson<RecipientJson> recipients(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("state") String state,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    TenantKey key = tenantPaths.visible(tenant);
    return PageJson.of(
        mailings.recipients(
            key,
            id,
            state == null ? null : parse(RecipientState.class, state, "state"),
            Paging.request(page, size, null, true)),
        RecipientJson::of);
  }

  /**
   * The input as the service takes it; a language or tracking left out stays {@code null}, which
   * the service reads as the defaults of a new mailing or the mailing's own on a change.
   */
  private static MailingData data(MailingJson input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    return new MailingData(
        input.name(),
        input.subject(),
        input.preheader(),
        input.senderName(),
        input.senderAddress(),
        input.replyTo(),
        input.language(),
        input.htmlBody(),
        input.textBody(),
        input.listIds(),
        input.segmentIds(),
        input.tracking());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Unknown " + name + ": " + value);
    }
  }
}
