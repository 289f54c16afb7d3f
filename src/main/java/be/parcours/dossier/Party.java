package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** Another person of the dossier: sponsor, applicant, family member. */
@Entity
class Party {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private Long dossierId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PartyRole role;
  private String firstName;
  private String lastName;
  private LocalDate birthDate;
  private String relationship;
  private String nationality;

  protected Party() {}

  Party(Long dossierId, PartyRole role, String firstName, String lastName, LocalDate birthDate,
      String relationship, String nationality) {
    this.dossierId = dossierId;
    this.role = role;
    this.firstName = firstName;
    this.lastName = lastName;
    this.birthDate = birthDate;
    this.relationship = relationship;
    this.nationality = nationality;
  }

  PartyRole getRole() { return role; }
  String getFirstName() { return firstName; }
  String getLastName() { return lastName; }
  LocalDate getBirthDate() { return birthDate; }
  String getRelationship() { return relationship; }
  String getNationality() { return nationality; }
}
