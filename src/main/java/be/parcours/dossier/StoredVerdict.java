package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An eligibility verdict computed for a dossier, with the rules version that produced it. */
@Entity
@Table(name = "eligibility_verdict")
class StoredVerdict {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long dossierId;
  @Column(nullable = false)
  private Instant evaluatedAt;
  @Column(nullable = false)
  private LocalDate referenceDate;
  private String regime;
  @Column(nullable = false)
  private String outcome;
  @Column(nullable = false)
  private String rulesVersion;
  @Column(nullable = false)
  private String verdictJson;

  protected StoredVerdict() {}

  StoredVerdict(Long dossierId, Instant evaluatedAt, LocalDate referenceDate, String regime, String outcome,
      String rulesVersion, String verdictJson) {
    this.dossierId = dossierId;
    this.evaluatedAt = evaluatedAt;
    this.referenceDate = referenceDate;
    this.regime = regime;
    this.outcome = outcome;
    this.rulesVersion = rulesVersion;
    this.verdictJson = verdictJson;
  }

  Instant getEvaluatedAt() { return evaluatedAt; }
  LocalDate getReferenceDate() { return referenceDate; }
  String getRegime() { return regime; }
  String getOutcome() { return outcome; }
  String getRulesVersion() { return rulesVersion; }
  String getVerdictJson() { return verdictJson; }
}
