package de.rundbrief.infrastructure.cluster;

/** Scheduled work that one instance of a cluster does for all, each under its own lease. */
public enum ClusterDuty {
  /** Deleting what the retention settings no longer keep, hourly. */
  RETENTION("retention"),
  /** Failing the imports whose server stopped under them, every minute. */
  IMPORT_SWEEP("import-sweep"),
  /** Reading and emptying the bounce mailbox: two readers would apply a bounce twice. */
  BOUNCE_MAILBOX("bounce-mailbox"),
  /** Starting scheduled mailings whose time has come. */
  SCHEDULED_MAILINGS("scheduled-mailings");

  private final String leaseName;

  ClusterDuty(String leaseName) {
    this.leaseName = leaseName;
  }

  /** The lease's name in {@code cluster_lease}. */
  public String leaseName() {
    return leaseName;
  }
}
