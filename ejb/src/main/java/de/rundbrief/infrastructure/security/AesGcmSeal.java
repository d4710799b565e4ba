package de.rundbrief.infrastructure.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals bytes with AES-256-GCM into URL-safe text and opens them again: what link tokens and stored
 * passwords share. The text is Base64url without padding of a format byte, a 12-byte random nonce
 * and the ciphertext with its 16-byte tag. Any change to the text, text sealed under another key or
 * context, or another format fails to open. Thread-safe.
 */
public final class AesGcmSeal {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;
  private final byte[] context;
  private final byte format;

  /**
   * @param context authenticated with every seal, so text sealed for one purpose does not open for
   *     another under the same key; empty for none
   * @param format the first byte of every seal, to tell layouts apart later
   */
  public AesGcmSeal(byte[] key, String context, byte format) {
    this.key = new SecretKeySpec(key, "AES");
    this.context = context.getBytes(StandardCharsets.UTF_8);
    this.format = format;
  }

  public String seal(byte[] plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
      ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
      out.put(format).put(nonce).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal", e);
    }
  }

  /**
   * @param maxChars longer text is refused before it is decoded
   * @return the plain bytes; empty unless the text was sealed here, unchanged, in this format
   */
  public Optional<byte[]> open(String sealed, int maxChars) {
    if (sealed == null || sealed.isEmpty() || sealed.length() > maxChars) {
      return Optional.empty();
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(sealed);
      // the decoder ignores the unused low bits of the last character; only the one canonical
      // spelling counts, so that an altered link cannot still work
      if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8
          || raw[0] != format
          || !Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(sealed)) {
        return Optional.empty();
      }
      byte[] nonce = new byte[NONCE_BYTES];
      System.arraycopy(raw, 1, nonce, 0, NONCE_BYTES);
      return Optional.of(
          cipher(Cipher.DECRYPT_MODE, nonce)
              .doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES));
    } catch (IllegalArgumentException | AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot open", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    if (context.length > 0) {
      cipher.updateAAD(context);
    }
    return cipher;
  }
}
