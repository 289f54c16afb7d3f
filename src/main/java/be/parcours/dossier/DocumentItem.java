package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** One line of a dossier's documents checklist. */
@Entity
class DocumentItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long dossierId;
  @Column(nullable = false)
  private String code;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DocumentStatus status;
  private boolean legalised;
  private boolean translated;
  private LocalDate receivedOn;
  private LocalDate validatedOn;
  private LocalDate expiresOn;
  private LocalDate issuedOn;
  private String checkedBy;
  private String note;
  @Version
  private long version;

  protected DocumentItem() {}

  DocumentItem(Long dossierId, String code) {
    this.dossierId = dossierId;
    this.code = code;
    this.status = DocumentStatus.REQUIRED;
  }

  void update(DocumentStatus newStatus, Boolean legalised, Boolean translated, LocalDate expiresOn, String note,
      String by, LocalDate today) {
    update(newStatus, legalised, translated, null, expiresOn, note, by, today);
  }

  void update(DocumentStatus newStatus, Boolean legalised, Boolean translated, LocalDate issuedOn,
      LocalDate expiresOn, String note, String by, LocalDate today) {
    if (issuedOn != null) {
      this.issuedOn = issuedOn;
    }
    if (newStatus == DocumentStatus.RECEIVED && receivedOn == null) {
      receivedOn = today;
    }
    if (newStatus == DocumentStatus.VALIDATED) {
      validatedOn = today;
      if (receivedOn == null) {
        receivedOn = today;
      }
    }
    this.status = newStatus;
    if (legalised != null) {
      this.legalised = legalised;
    }
    if (translated != null) {
      this.translated = translated;
    }
    if (expiresOn != null) {
      this.expiresOn = expiresOn;
    }
    if (note != null) {
      this.note = note;
    }
    this.checkedBy = by;
  }

  /** The status as it stands on a day: a document past its expiry date is EXPIRED. */
  DocumentStatus effectiveStatus(LocalDate today) {
    if (expiresOn != null && expiresOn.isBefore(today)
        && (status == DocumentStatus.RECEIVED || status == DocumentStatus.VALIDATED)) {
      return DocumentStatus.EXPIRED;
    }
    return status;
  }

  String getCode() { return code; }
  DocumentStatus getStatus() { return status; }
  boolean isLegalised() { return legalised; }
  boolean isTranslated() { return translated; }
  LocalDate getReceivedOn() { return receivedOn; }
  LocalDate getValidatedOn() { return validatedOn; }
  LocalDate getExpiresOn() { return expiresOn; }
  LocalDate getIssuedOn() { return issuedOn; }
  Long getDossierId() { return dossierId; }
  String getCheckedBy() { return checkedBy; }
  String getNote() { return note; }
}
