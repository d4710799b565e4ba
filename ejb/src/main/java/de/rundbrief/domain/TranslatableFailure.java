package de.rundbrief.domain;

/**
 * A business failure that a screen shows in the viewer's language. The domain has no resource
 * bundles and no notion of a viewer: it names the text by a key of the screens' message bundle and
 * hands over the arguments of its pattern, and the web layer looks the text up. {@link
 * Throwable#getMessage()} stays the English text, for the REST API and the log.
 *
 * <p>An argument that is itself a {@code TranslatableFailure} (a field's value inside a segment
 * rule) is translated the same way before it is put in.
 */
public interface TranslatableFailure {

  /** The key of the text in the screens' message bundle ({@code de.rundbrief.web.messages}). */
  String messageKey();

  /** The arguments of the text's pattern, {@code {0}} first. */
  Object[] messageArguments();
}
