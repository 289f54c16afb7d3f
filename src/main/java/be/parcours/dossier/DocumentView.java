package be.parcours.dossier;

import java.time.LocalDate;
import java.util.Map;

/** One line of the documents checklist; {@code labels} from the catalogue ({@code fr}, {@code nl}, {@code en}). */
public record DocumentView(String code, DocumentStatus status, boolean legalised, boolean translated,
    LocalDate receivedOn, LocalDate validatedOn, LocalDate expiresOn, String checkedBy, String note,
    LocalDate issuedOn, Map<String, String> labels, int files) {}
