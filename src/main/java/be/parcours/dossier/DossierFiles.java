package be.parcours.dossier;

import be.parcours.shared.ApiStatusException;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Scans of a dossier's documents: PDF, JPEG or PNG judged by their content, at most
 * {@code parcours.files.max-size} each and a bounded number per document and per dossier,
 * encrypted (AES-GCM) before they reach the {@link FileStore}. Full access to the dossier is needed
 * for every operation; uploads, downloads and deletions are in the access log.
 */
@Service
public class DossierFiles {

  private final DossierAccess access;
  private final DocumentCatalogue catalogue;
  private final DocumentItemRepository documents;
  private final FileStore store;
  private final FileKeys keys;
  private final AccessLog accessLog;
  private final JdbcTemplate jdbc;
  private final MessageSource messages;
  private final Clock clock;
  private final DataSize maxSize;
  private final int maxPerDocument;
  private final int maxPerDossier;

  DossierFiles(DossierAccess access, DocumentCatalogue catalogue, DocumentItemRepository documents, FileStore store,
      FileKeys keys, AccessLog accessLog, JdbcTemplate jdbc, MessageSource messages, Clock clock,
      @Value("${parcours.files.max-size:10MB}") DataSize maxSize,
      @Value("${parcours.files.max-per-document:20}") int maxPerDocument,
      @Value("${parcours.files.max-per-dossier:200}") int maxPerDossier) {
    this.access = access;
    this.catalogue = catalogue;
    this.documents = documents;
    this.store = store;
    this.keys = keys;
    this.accessLog = accessLog;
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
    this.maxSize = maxSize;
    this.maxPerDocument = maxPerDocument;
    this.maxPerDossier = maxPerDossier;
  }

  public DataSize maxSize() {
    return maxSize;
  }

  /** 413 when a file of this many bytes is over {@code parcours.files.max-size}. */
  public void checkSize(long bytes) {
    if (bytes > maxSize.toBytes()) {
      throw new ApiStatusException(413, "PAYLOAD_TOO_LARGE",
          "file: " + text("dossier.files.tooLarge", maxSize.toMegabytes()), "file");
    }
  }

  @Transactional
  public FileView upload(long dossierId, String code, String originalName, byte[] content, Viewer viewer) {
    access.require(dossierId, viewer, AccessLevel.FULL);
    knownCode(code);
    FileCipher cipher = cipher();
    if (content == null || content.length == 0) {
      throw new ApiStatusException(400, "INVALID_INPUT", "file: " + text("dossier.files.empty"), "file");
    }
    checkSize(content.length);
    String type = FileTypes.sniff(content).orElseThrow(() -> new ApiStatusException(415, "UNSUPPORTED_MEDIA_TYPE",
        "file: " + text("dossier.files.type"), "file"));
    Integer forDocument = jdbc.queryForObject("select count(*) from dossier_file where dossier_id = ? "
        + "and document_code = ?", Integer.class, dossierId, code);
    if (forDocument != null && forDocument >= maxPerDocument) {
      throw new BusinessRuleException("file", "file: " + text("dossier.files.tooMany", maxPerDocument));
    }
    Integer forDossier = jdbc.queryForObject("select count(*) from dossier_file where dossier_id = ?",
        Integer.class, dossierId);
    if (forDossier != null && forDossier >= maxPerDossier) {
      throw new BusinessRuleException("file", "file: " + text("dossier.files.tooManyDossier", maxPerDossier));
    }
    if (documents.findByDossierIdAndCode(dossierId, code).isEmpty()) {
      documents.save(new DocumentItem(dossierId, code));
    }
    String name = cleanName(originalName, type);
    String storageKey = UUID.randomUUID().toString();
    String sha256 = sha256(content);
    Instant now = clock.instant();
    store.put(storageKey, cipher.encrypt(content, storageKey));
    jdbc.update("insert into dossier_file (dossier_id, document_code, name, content_type, size_bytes, sha256, "
        + "storage_key, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", dossierId, code, name, type,
        content.length, sha256, storageKey, Timestamp.from(now), viewer.user());
    Long id = jdbc.queryForObject("select id from dossier_file where storage_key = ?", Long.class, storageKey);
    accessLog.record(dossierId, viewer.user(), AccessAction.FILE_UPLOAD, code + ": " + name);
    return new FileView(id, name, type, content.length, sha256, now, viewer.user());
  }

  @Transactional(readOnly = true)
  public List<FileView> list(long dossierId, String code, Viewer viewer) {
    access.require(dossierId, viewer, AccessLevel.FULL);
    return jdbc.query("select id, name, content_type, size_bytes, sha256, uploaded_at, uploaded_by from dossier_file "
        + "where dossier_id = ? and document_code = ? order by uploaded_at, id", VIEW, dossierId, code);
  }

  /** Every file of a dossier by document code (for the dossier page), without logging a download. */
  @Transactional(readOnly = true)
  public java.util.Map<String, List<FileView>> byDocument(long dossierId, Viewer viewer) {
    access.require(dossierId, viewer, AccessLevel.FULL);
    java.util.Map<String, List<FileView>> result = new java.util.LinkedHashMap<>();
    jdbc.query("select id, name, content_type, size_bytes, sha256, uploaded_at, uploaded_by, document_code "
        + "from dossier_file where dossier_id = ? order by uploaded_at, id", rs -> {
          result.computeIfAbsent(rs.getString(8), c -> new java.util.ArrayList<>()).add(VIEW.mapRow(rs, 0));
        }, dossierId);
    return result;
  }

  @Transactional
  public FileContent download(long dossierId, String code, long fileId, Viewer viewer) {
    access.require(dossierId, viewer, AccessLevel.FULL);
    Stored f = stored(dossierId, code, fileId);
    FileCipher cipher = cipher();
    byte[] encrypted = store.get(f.storageKey())
        .orElseThrow(() -> new NotFoundException("the content of file " + fileId + " is missing"));
    byte[] plain = cipher.decrypt(encrypted, f.storageKey());
    accessLog.record(dossierId, viewer.user(), AccessAction.FILE_DOWNLOAD, code + ": " + f.name());
    return new FileContent(fileId, f.name(), f.contentType(), plain);
  }

  @Transactional
  public void delete(long dossierId, String code, long fileId, Viewer viewer) {
    access.require(dossierId, viewer, AccessLevel.FULL);
    Stored f = stored(dossierId, code, fileId);
    jdbc.update("delete from dossier_file where id = ?", fileId);
    store.delete(f.storageKey());
    accessLog.record(dossierId, viewer.user(), AccessAction.CHANGE, "file deleted: " + code + ": " + f.name()
        + " (sha256 " + f.sha256() + ")");
  }

  private record Stored(String name, String contentType, String storageKey, String sha256) {}

  private Stored stored(long dossierId, String code, long fileId) {
    return jdbc.query("select name, content_type, storage_key, sha256 from dossier_file where id = ? and dossier_id = ? "
        + "and document_code = ?", (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4)), fileId, dossierId, code).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("no file " + fileId + " for document " + code + " of dossier "
            + dossierId));
  }

  private static final RowMapper<FileView> VIEW = (rs, i) -> new FileView(rs.getLong(1), rs.getString(2),
      rs.getString(3), rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7));

  private void knownCode(String code) {
    if (!catalogue.contains(code)) {
      throw new BusinessRuleException("code", "code: " + text("dossier.documents.unknownCode", code));
    }
  }

  private FileCipher cipher() {
    return keys.cipher().orElseThrow(() -> new ApiStatusException(503, "FILES_DISABLED",
        text("dossier.files.disabled"), null));
  }

  /** The name without path, control characters or quotes, at most 200 characters, with the type's extension. */
  static String cleanName(String original, String type) {
    String n = original == null ? "" : original;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[\\p{Cntrl}\"<>:*?|]", "").strip();
    if (n.length() > 200) {
      n = n.substring(n.length() - 200);
    }
    if (n.isEmpty() || n.startsWith(".")) {
      n = "document" + n;
    }
    String ext = FileTypes.extension(type);
    String lower = n.toLowerCase(java.util.Locale.ROOT);
    boolean matches = lower.endsWith(ext) || (type.equals(FileTypes.JPEG) && lower.endsWith(".jpeg"));
    return matches ? n : n + ext;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
