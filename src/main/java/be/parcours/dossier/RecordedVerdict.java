package be.parcours.dossier;

import java.time.LocalDate;
import java.util.List;

/** A verdict to store on a dossier; its required documents join the dossier's checklist. */
public record RecordedVerdict(LocalDate referenceDate, String regime, String outcome, String rulesVersion,
    String verdictJson, List<String> requiredDocuments) {}
