package be.parcours.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated request to open a dossier. {@code facts} and {@code factsJson} are null when the
 * facts are not known yet (first contact at reception); {@code referent} null = the opening user.
 */
public record OpenDossierCommand(Procedure procedure, BeneficiaryInput beneficiary, LocalDate referenceDate,
    Object facts, String factsJson, List<FamilyMemberInput> familyMembers, String referent) {

  public OpenDossierCommand(Procedure procedure, BeneficiaryInput beneficiary, LocalDate referenceDate, Object facts,
      String factsJson, List<FamilyMemberInput> familyMembers) {
    this(procedure, beneficiary, referenceDate, facts, factsJson, familyMembers, null);
  }

  /** First contact: the person and the procedure, the facts follow at intake. */
  public static OpenDossierCommand withoutFacts(Procedure procedure, BeneficiaryInput beneficiary, String referent) {
    return new OpenDossierCommand(procedure, beneficiary, null, null, null, null, referent);
  }
}
