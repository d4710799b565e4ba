package de.rundbrief.domain.cms;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One item of a CMS source as editors browse it. Everything in it comes from outside: the HTML is
 * untrusted until the mail sanitiser has had it.
 *
 * @param id the source's own id for the item (feed guid or entry id, WordPress post id, the link
 *     otherwise); stable between fetches, so an editor's choice can be fetched again
 * @param title plain text
 * @param link the item's absolute page, or {@code null}
 * @param published when the CMS says it was published, or {@code null}
 * @param teaser plain text, at most {@link #TEASER_LENGTH} characters
 * @param image an absolute image URL, or {@code null}
 * @param html the item's content or summary as HTML, untrusted; empty when the source has none
 */
public record CmsItem(
    String id, String title, URI link, Instant published, String teaser, URI image, String html)
    implements Serializable {

  /** Teasers are cut to this many characters, at a word boundary, with an ellipsis. */
  public static final int TEASER_LENGTH = 280;

  public CmsItem {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title.strip();
    teaser = teaser == null ? "" : teaser.strip();
    html = html == null ? "" : html;
  }

  // Bean getters for Faces: Jakarta EL 5 does not read record components.

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Instant getPublished() {
    return published;
  }

  public String getTeaser() {
    return teaser;
  }

  /** The image address as text, for an {@code img} on screen; {@code null} without one. */
  public String getImage() {
    return image == null ? null : image.toString();
  }
}
