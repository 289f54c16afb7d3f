package be.parcours.dossier;

import java.util.Optional;

/**
 * The type of an uploaded file judged by its first bytes (magic numbers), never by its name or the
 * browser's content type: PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}), PNG ({@code 89 50 4E 47 0D 0A 1A 0A}).
 */
final class FileTypes {

  static final String PDF = "application/pdf";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  private FileTypes() {}

  static Optional<String> sniff(byte[] b) {
    if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
      return Optional.of(PDF);
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    return Optional.empty();
  }

  /** The extension that matches the type (a download is named after what it is). */
  static String extension(String contentType) {
    return switch (contentType) {
      case PDF -> ".pdf";
      case JPEG -> ".jpg";
      case PNG -> ".png";
      default -> "";
    };
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b == null || b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
