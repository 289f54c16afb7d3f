package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A legal deadline of a dossier, stored so it can be listed, queried and shown. */
@Entity
class Deadline {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long dossierId;
  @Column(nullable = false)
  private String code;
  @Column(nullable = false)
  private LocalDate dueOn;
  private String legalBasis;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeadlineStatus status;
  @Column(nullable = false)
  private Instant updatedAt;
  @Version
  private long version;

  protected Deadline() {}

  Deadline(Long dossierId, String code, LocalDate dueOn, String legalBasis, Instant now) {
    this.dossierId = dossierId;
    this.code = code;
    this.dueOn = dueOn;
    this.legalBasis = legalBasis;
    this.status = DeadlineStatus.PENDING;
    this.updatedAt = now;
  }

  void reschedule(LocalDate dueOn, String legalBasis, Instant now) {
    this.dueOn = dueOn;
    this.legalBasis = legalBasis;
    this.status = DeadlineStatus.PENDING;
    this.updatedAt = now;
  }

  void close(DeadlineStatus status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  String getCode() { return code; }
  LocalDate getDueOn() { return dueOn; }
  String getLegalBasis() { return legalBasis; }
  DeadlineStatus getStatus() { return status; }
}
