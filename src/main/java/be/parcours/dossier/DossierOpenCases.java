package be.parcours.dossier;

import be.parcours.eligibility.OpenCaseSource;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The open dossiers and their last stored outcome, for the law-change impact of the rules. */
@Component
class DossierOpenCases implements OpenCaseSource {

  private final DossierService dossiers;

  DossierOpenCases(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  @Transactional(readOnly = true)
  public List<OpenCase> openCases() {
    return dossiers.openDossiers().stream()
        .map(d -> new OpenCase(d.dossierId(), d.reference(), d.procedure().code(), d.referenceDate(), d.factsJson(),
            dossiers.lastOutcome(d.dossierId())))
        .toList();
  }
}
