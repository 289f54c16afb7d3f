package be.parcours.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** The person the social service accompanies. */
@Entity
class Beneficiary {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private String firstName;
  @Column(nullable = false)
  private String lastName;
  private LocalDate birthDate;
  private String nationality;
  private String languages;
  private String phone;
  private String email;
  /** lower(first name + ' ' + last name), computed by the database (V50) for the dossier search. */
  @Column(insertable = false, updatable = false)
  private String searchName;
  /** {@link SearchText#key}: lower case, no accents; what the search compares (V65). */
  private String searchKey;
  @Column(nullable = false)
  private Instant createdAt;
  @Version
  private long version;

  protected Beneficiary() {}

  Beneficiary(String firstName, String lastName, LocalDate birthDate, String nationality, String languages,
      String phone, String email, Instant createdAt) {
    this.firstName = firstName;
    this.lastName = lastName;
    this.birthDate = birthDate;
    this.nationality = nationality;
    this.languages = languages;
    this.phone = phone;
    this.email = email;
    this.createdAt = createdAt;
    this.searchKey = SearchText.key(firstName, lastName);
  }

  /** Corrects the identity and contact details given (null = unchanged); the search key follows the names. */
  void correct(String firstName, String lastName, LocalDate birthDate, String nationality, String languages,
      String phone, String email) {
    if (firstName != null) {
      this.firstName = firstName;
    }
    if (lastName != null) {
      this.lastName = lastName;
    }
    if (birthDate != null) {
      this.birthDate = birthDate;
    }
    if (nationality != null) {
      this.nationality = nationality;
    }
    if (languages != null) {
      this.languages = languages;
    }
    if (phone != null) {
      this.phone = phone;
    }
    if (email != null) {
      this.email = email;
    }
    this.searchKey = SearchText.key(this.firstName, this.lastName);
  }

  String fullName() {
    return firstName + " " + lastName;
  }

  Long getId() { return id; }
  String getFirstName() { return firstName; }
  String getLastName() { return lastName; }
  LocalDate getBirthDate() { return birthDate; }
  String getNationality() { return nationality; }
  String getLanguages() { return languages; }
  String getPhone() { return phone; }
  String getEmail() { return email; }
  String getSearchKey() { return searchKey; }
}
