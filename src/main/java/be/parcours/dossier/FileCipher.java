package be.parcours.dossier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the files at rest. Output: a version byte, the 12-byte random nonce, then the
 * ciphertext with its 16-byte tag. The associated data binds a ciphertext to its storage key, so
 * content moved under another file's key does not decrypt. Plain Java (javax.crypto), no framework.
 */
final class FileCipher {

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  private FileCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("PARCOURS_FILES_KEY must be 32 bytes (256 bits) in Base64, e.g. the output "
          + "of `openssl rand -base64 32`; it has " + key.length + " bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** From the Base64 text of a 256-bit key. */
  static FileCipher fromBase64(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PARCOURS_FILES_KEY is not Base64: generate one with "
          + "`openssl rand -base64 32`", e);
    }
    return new FileCipher(bytes);
  }

  static FileCipher fromKey(byte[] key) {
    return new FileCipher(key.clone());
  }

  byte[] encrypt(byte[] plain, String storageKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(storageKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** @throws IllegalStateException when the content was altered, or encrypted with another key or storage key */
  byte[] decrypt(byte[] stored, String storageKey) {
    if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
      throw new IllegalStateException("not a Parcours encrypted file");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
      c.updateAAD(storageKey.getBytes(StandardCharsets.UTF_8));
      return c.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the file cannot be decrypted (altered, or another key)", e);
    }
  }
}
