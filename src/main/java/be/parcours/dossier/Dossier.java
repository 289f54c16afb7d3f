package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A procedure followed for a beneficiary; its reference is {@code RF-2026-00042} and the like. */
@Entity
class Dossier {

  @Id
  private Long id;
  @Column(nullable = false, unique = true)
  private String reference;
  @Column(name = "procedure_code", nullable = false)
  @Convert(converter = ProcedureConverter.class)
  private Procedure procedure;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DossierStatus status;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "beneficiary_id")
  private Beneficiary beneficiary;
  @Column(nullable = false)
  private LocalDate openedOn;
  private LocalDate closedOn;
  @Column(nullable = false)
  private LocalDate referenceDate;
  private String assignedTo;
  private String factsJson;
  private String processInstanceId;
  @Column(nullable = false)
  private String createdBy;
  @Column(nullable = false)
  private Instant createdAt;
  @Column(nullable = false)
  private Instant updatedAt;
  @Version
  private long version;

  protected Dossier() {}

  Dossier(long id, Procedure procedure, Beneficiary beneficiary, LocalDate openedOn, LocalDate referenceDate,
      String factsJson, String createdBy, Instant now) {
    this.id = id;
    this.procedure = procedure;
    this.beneficiary = beneficiary;
    this.status = DossierStatus.OPEN;
    this.openedOn = openedOn;
    this.referenceDate = referenceDate;
    this.factsJson = factsJson;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
    this.reference = reference(procedure, openedOn, id);
    this.assignedTo = createdBy;
  }

  /** Reference from the procedure, the year of opening and the id: RF-2026-00042. */
  static String reference(Procedure procedure, LocalDate openedOn, long id) {
    return String.format("%s-%d-%05d", procedure.prefix(), openedOn.getYear(), id);
  }

  void changeStatus(DossierStatus newStatus, LocalDate today, Instant now) {
    this.status = newStatus;
    this.closedOn = newStatus == DossierStatus.CLOSED ? today : null;
    this.updatedAt = now;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void assignTo(String user, Instant now) {
    this.assignedTo = user;
    this.updatedAt = now;
  }

  void correctFacts(String factsJson, LocalDate referenceDate, Instant now) {
    this.factsJson = factsJson;
    if (referenceDate != null) {
      this.referenceDate = referenceDate;
    }
    this.updatedAt = now;
  }

  /** The referent is the caseworker in charge (stored in assigned_to). */
  String getReferent() { return assignedTo; }

  void touch(Instant now) {
    this.updatedAt = now;
  }

  Long getId() { return id; }
  String getReference() { return reference; }
  Procedure getProcedure() { return procedure; }
  DossierStatus getStatus() { return status; }
  Beneficiary getBeneficiary() { return beneficiary; }
  LocalDate getOpenedOn() { return openedOn; }
  LocalDate getClosedOn() { return closedOn; }
  LocalDate getReferenceDate() { return referenceDate; }
  String getAssignedTo() { return assignedTo; }
  String getFactsJson() { return factsJson; }
  String getProcessInstanceId() { return processInstanceId; }
  String getCreatedBy() { return createdBy; }
  long getVersion() { return version; }
  Instant getUpdatedAt() { return updatedAt; }
}
