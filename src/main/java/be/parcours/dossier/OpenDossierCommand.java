package be.parcours.dossier;

import java.time.LocalDate;
import java.util.List;

/** A validated request to open a dossier. */
record OpenDossierCommand(Procedure procedure, BeneficiaryInput beneficiary, LocalDate referenceDate,
    Object facts, String factsJson, List<FamilyMemberInput> familyMembers) {}
