package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** File type sniffing (by content, never by name) and AES-GCM encryption at rest, without Spring. */
class FilesAtRestTest {

  static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

  @Test
  void types_are_judged_by_their_first_bytes() {
    assertThat(FileTypes.sniff(PDF)).contains("application/pdf");
    assertThat(FileTypes.sniff(JPEG)).contains("image/jpeg");
    assertThat(FileTypes.sniff(PNG)).contains("image/png");
    assertThat(FileTypes.sniff("MZ\u0090\u0000 an exe".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(FileTypes.sniff("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(FileTypes.sniff("%PD".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(FileTypes.sniff(new byte[0])).isEmpty();
  }

  @Test
  void names_lose_their_path_and_get_the_extension_of_what_they_are() {
    assertThat(DossierFiles.cleanName("C:\\scans\\passeport.pdf", FileTypes.PDF)).isEqualTo("passeport.pdf");
    assertThat(DossierFiles.cleanName("../../etc/passwd", FileTypes.PNG)).isEqualTo("passwd.png");
    assertThat(DossierFiles.cleanName("photo.JPEG", FileTypes.JPEG)).isEqualTo("photo.JPEG");
    assertThat(DossierFiles.cleanName("a\"b\u0000c.exe", FileTypes.PDF)).isEqualTo("abc.exe.pdf");
    assertThat(DossierFiles.cleanName(null, FileTypes.PDF)).isEqualTo("document.pdf");
  }

  @Test
  void encryption_round_trips_and_the_stored_bytes_are_not_the_file() {
    FileCipher cipher = FileCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    byte[] stored = cipher.encrypt(PDF, "key-1");

    assertThat(stored).hasSize(1 + 12 + PDF.length + 16);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
    assertThat(cipher.decrypt(stored, "key-1")).isEqualTo(PDF);
    assertThat(cipher.encrypt(PDF, "key-1")).isNotEqualTo(stored); // a fresh nonce each time
  }

  @Test
  void altered_content_another_key_or_another_storage_key_do_not_decrypt() {
    FileCipher cipher = FileCipher.fromKey(new byte[32]);
    byte[] other = new byte[32];
    other[0] = 1;
    byte[] stored = cipher.encrypt(PNG, "key-1");
    byte[] altered = stored.clone();
    altered[altered.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(altered, "key-1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(stored, "key-2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FileCipher.fromKey(other).decrypt(stored, "key-1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_key_must_be_256_bits_of_base64() {
    assertThatThrownBy(() -> FileCipher.fromBase64("not base64 !")).hasMessageContaining("Base64");
    assertThatThrownBy(() -> FileCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("32 bytes");
  }
}
