package be.parcours.dossier;

import java.time.LocalDate;

public record PartyView(PartyRole role, String firstName, String lastName, LocalDate birthDate, String relationship,
    String nationality) {}
