package de.rundbrief.web.cms;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.web.shell.Messages;

/** What a screen says when a CMS source cannot be read: the reason in words, then the detail. */
public final class CmsFailures {

  private CmsFailures() {}

  public static void show(CmsFetchException failure) {
    Messages.error("cms.failed." + failure.reason().name(), failure.getMessage());
  }
}
