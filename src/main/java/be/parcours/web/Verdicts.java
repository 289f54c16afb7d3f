package be.parcours.web;

import be.parcours.dossier.DossierView;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The stored eligibility verdict of a dossier as lines a caseworker reads: criterion, result, sentence, legal basis. */
final class Verdicts {

  record FindingLine(String criterion, String result, String message, String legalBasis) {}

  private Verdicts() {}

  static List<FindingLine> findings(DossierView view) {
    List<FindingLine> lines = new ArrayList<>();
    if (view.eligibility() == null || view.eligibility().verdict() == null) {
      return lines;
    }
    JsonNode findings = view.eligibility().verdict().path("findings");
    for (JsonNode f : findings) {
      lines.add(new FindingLine(f.path("criterion").asText(""), f.path("result").asText(""),
          f.path("message").asText(""), f.hasNonNull("legalBasis") ? f.get("legalBasis").asText() : null));
    }
    return lines;
  }
}
