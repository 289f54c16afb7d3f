package be.parcours.dossier;

import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.shared.BusinessRuleException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a dossier and starts its procedure; both commit or roll back together. */
@Service
public class DossierOpening {

  private final BeneficiaryRepository beneficiaries;
  private final PartyRepository parties;
  private final DossierRepository dossiers;
  private final ProcessLauncher processLauncher;
  private final DossierIds ids;
  private final EntityManager entityManager;
  private final AccessLog accessLog;
  private final DateChecks dates;
  private final DossierTasks tasks;
  private final Clock clock;

  DossierOpening(BeneficiaryRepository beneficiaries, PartyRepository parties, DossierRepository dossiers,
      ProcessLauncher processLauncher, DossierIds ids, EntityManager entityManager, AccessLog accessLog,
      DateChecks dates, DossierTasks tasks, Clock clock) {
    this.beneficiaries = beneficiaries;
    this.parties = parties;
    this.dossiers = dossiers;
    this.processLauncher = processLauncher;
    this.ids = ids;
    this.entityManager = entityManager;
    this.accessLog = accessLog;
    this.dates = dates;
    this.tasks = tasks;
    this.clock = clock;
  }

  @Transactional
  public DossierCreated open(OpenDossierCommand cmd, String user) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    BeneficiaryInput b = cmd.beneficiary();
    dates.birthDate("beneficiary.birthDate", b.birthDate());
    String referent = cmd.referent() == null || cmd.referent().isBlank() ? user : cmd.referent().strip();
    if (!referent.equals(user) && !tasks.isUser(referent)) {
      throw new BusinessRuleException("referent", "referent: no user '" + referent + "'");
    }
    Beneficiary beneficiary = beneficiaries.save(new Beneficiary(b.firstName().strip(), b.lastName().strip(),
        b.birthDate(), upper(b.nationality()), b.languages() == null ? null : String.join(",", b.languages()),
        b.phone(), b.email(), now));
    LocalDate referenceDate = cmd.referenceDate() != null ? cmd.referenceDate() : today;
    Dossier dossier = new Dossier(ids.next(), cmd.procedure(), beneficiary, today, referenceDate, cmd.factsJson(),
        user, now);
    dossier.assignTo(referent, now);
    entityManager.persist(dossier);
    addParties(dossier.getId(), cmd);
    processLauncher.start(dossier, cmd.facts()).ifPresent(dossier::attachProcess);
    dossiers.flush();
    accessLog.record(dossier.getId(), user, AccessAction.CREATE,
        referent.equals(user) ? null : "referent: " + referent);
    return new DossierCreated(dossier.getId(), dossier.getReference(), dossier.getProcedure(), dossier.getStatus(),
        dossier.getProcessInstanceId(), referent);
  }

  private void addParties(Long dossierId, OpenDossierCommand cmd) {
    if (cmd.facts() instanceof FamilyReunificationFacts fr) {
      parties.save(new Party(dossierId, PartyRole.SPONSOR, null, null, null, fr.sponsor().kind().name(), null));
      parties.save(new Party(dossierId, PartyRole.APPLICANT, null, null, fr.applicant().birthDate(),
          fr.applicant().relationship().name(), null));
    }
    if (cmd.familyMembers() != null) {
      for (FamilyMemberInput m : cmd.familyMembers()) {
        parties.save(new Party(dossierId, PartyRole.FAMILY_MEMBER, m.firstName(), m.lastName(), m.birthDate(),
            m.relationship(), upper(m.nationality())));
      }
    }
  }

  static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
