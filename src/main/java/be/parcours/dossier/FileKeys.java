package be.parcours.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The files' encryption key: {@code PARCOURS_FILES_KEY} (property {@code parcours.files.key}), 32
 * bytes in Base64. The demo profile without one derives a fixed, public demo key (demo data only).
 * Elsewhere without a key the application starts but refuses uploads and downloads with a clear
 * message (503 FILES_DISABLED), and says so at start-up; a malformed key stops the start-up.
 */
@Component
class FileKeys {

  private static final Logger log = LoggerFactory.getLogger(FileKeys.class);

  private final FileCipher cipher;

  FileKeys(@Value("${parcours.files.key:}") String key, @Value("${parcours.demo.enabled:false}") boolean demo) {
    if (key != null && !key.isBlank()) {
      this.cipher = FileCipher.fromBase64(key);
    } else if (demo) {
      log.warn("No PARCOURS_FILES_KEY: the demo profile encrypts files with its public demo key (never for real data)");
      this.cipher = FileCipher.fromKey(sha256("parcours demo files key - public, demo data only"));
    } else {
      log.warn("No PARCOURS_FILES_KEY: uploading and downloading dossier files is refused until it is set "
          + "(32 bytes in Base64: openssl rand -base64 32)");
      this.cipher = null;
    }
  }

  Optional<FileCipher> cipher() {
    return Optional.ofNullable(cipher);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
