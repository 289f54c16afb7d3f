package be.parcours.dossier;

import java.time.LocalDate;
import java.util.List;

public record BeneficiaryView(String firstName, String lastName, LocalDate birthDate, String nationality,
    List<String> languages, String phone, String email) {}
