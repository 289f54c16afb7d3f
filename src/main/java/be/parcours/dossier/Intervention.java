package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** An interview, a phone call, a letter... done for a beneficiary (counted in the activity report). */
@Entity
class Intervention {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long dossierId;
  private Long beneficiaryId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InterventionType type;
  @Column(nullable = false)
  private LocalDate happenedOn;
  private Integer minutes;
  private String note;
  @Column(nullable = false)
  private String createdBy;
  @Column(nullable = false)
  private Instant createdAt;

  protected Intervention() {}

  Intervention(Long dossierId, Long beneficiaryId, InterventionType type, LocalDate happenedOn, Integer minutes,
      String note, String createdBy, Instant createdAt) {
    this.dossierId = dossierId;
    this.beneficiaryId = beneficiaryId;
    this.type = type;
    this.happenedOn = happenedOn;
    this.minutes = minutes;
    this.note = note;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  Long getId() { return id; }
  InterventionType getType() { return type; }
  LocalDate getHappenedOn() { return happenedOn; }
  Integer getMinutes() { return minutes; }
  String getNote() { return note; }
  String getCreatedBy() { return createdBy; }
}
