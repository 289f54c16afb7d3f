package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** GDPR trace: who read or changed which dossier, when. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "dossier_access_log")
class AccessLogEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long dossierId;
  @Column(nullable = false)
  private String username;
  @Column(nullable = false)
  private String action;
  @Column(nullable = false)
  private Instant at;
  private String detail;

  protected AccessLogEntry() {}

  AccessLogEntry(Long dossierId, String username, String action, Instant at) {
    this.dossierId = dossierId;
    this.username = username;
    this.action = action;
    this.at = at;
  }

  AccessLogEntry(Long dossierId, String username, String action, Instant at, String detail) {
    this(dossierId, username, action, at);
    this.detail = detail;
  }

  Long getId() { return id; }
  Long getDossierId() { return dossierId; }
  String getUsername() { return username; }
  String getAction() { return action; }
  Instant getAt() { return at; }
  String getDetail() { return detail; }
}
