package be.parcours.dossier;

import be.parcours.eligibility.EligibilityEvaluator;
import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects a dossier ({@code PATCH}): the beneficiary's details (reception too), the facts and the
 * reference date (the verdict is then evaluated again with the rules in force), the referent. Each
 * changed field is a line of the dossier's history with its old and new value, and the access log
 * says which fields changed.
 */
@Service
public class DossierCorrection {

  private static final Logger log = LoggerFactory.getLogger(DossierCorrection.class);
  private static final Set<String> FIELDS = Set.of("beneficiary", "facts", "referenceDate", "referent");

  private final DossierAccess access;
  private final DossierRequestReader reader;
  private final DossierService dossiers;
  private final PartyRepository parties;
  private final DossierTasks tasks;
  private final AccessLog accessLog;
  private final DateChecks dates;
  private final ObjectProvider<EligibilityEvaluator> evaluator;
  private final JdbcTemplate jdbc;
  private final DossierReading reading;
  private final Clock clock;
  private final org.springframework.context.MessageSource messages;

  DossierCorrection(DossierAccess access, DossierRequestReader reader, DossierService dossiers,
      PartyRepository parties, DossierTasks tasks, AccessLog accessLog, DateChecks dates,
      ObjectProvider<EligibilityEvaluator> evaluator, JdbcTemplate jdbc, DossierReading reading, Clock clock,
      org.springframework.context.MessageSource messages) {
    this.access = access;
    this.reader = reader;
    this.dossiers = dossiers;
    this.parties = parties;
    this.tasks = tasks;
    this.accessLog = accessLog;
    this.dates = dates;
    this.evaluator = evaluator;
    this.jdbc = jdbc;
    this.reading = reading;
    this.clock = clock;
    this.messages = messages;
  }

  /** Applies a PATCH body (JSON object with beneficiary, facts, referenceDate, referent) and returns the dossier. */
  @Transactional
  public DossierView correct(long id, JsonNode body, Viewer viewer) {
    if (body == null || !body.isObject() || body.isEmpty()) {
      throw new InvalidInputException(null, "the body must be a JSON object with beneficiary, facts, referenceDate "
          + "or referent");
    }
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw new InvalidInputException(f, f + ": unknown field (expected beneficiary, facts, referenceDate, referent)");
      }
    });
    boolean onlyBeneficiary = !has(body, "facts") && !has(body, "referenceDate") && !has(body, "referent");
    Dossier d = access.require(id, viewer, onlyBeneficiary ? AccessLevel.RECEPTION : AccessLevel.FULL);
    Instant now = clock.instant();
    List<String[]> changes = new ArrayList<>();

    if (has(body, "beneficiary")) {
      BeneficiaryPatch p = reader.readValid(body.get("beneficiary"), BeneficiaryPatch.class, "beneficiary.");
      dates.birthDate("beneficiary.birthDate", p.birthDate());
      Beneficiary b = d.getBeneficiary();
      String languages = p.languages() == null ? null : String.join(",", p.languages());
      track(changes, "beneficiary.firstName", b.getFirstName(), strip(p.firstName()));
      track(changes, "beneficiary.lastName", b.getLastName(), strip(p.lastName()));
      track(changes, "beneficiary.birthDate", b.getBirthDate(), p.birthDate());
      track(changes, "beneficiary.nationality", b.getNationality(), DossierOpening.upper(p.nationality()));
      track(changes, "beneficiary.languages", b.getLanguages(), languages);
      track(changes, "beneficiary.phone", b.getPhone(), p.phone());
      track(changes, "beneficiary.email", b.getEmail(), p.email());
      b.correct(strip(p.firstName()), strip(p.lastName()), p.birthDate(), DossierOpening.upper(p.nationality()),
          languages, p.phone(), p.email());
    }
    LocalDate referenceDate = null;
    if (has(body, "referenceDate")) {
      referenceDate = reader.readValid(body.get("referenceDate"), LocalDate.class, "referenceDate");
      dates.inRange("referenceDate", referenceDate);
      track(changes, "referenceDate", d.getReferenceDate(), referenceDate);
    }
    boolean reevaluate = false;
    if (has(body, "facts")) {
      DossierRequestReader.Facts facts = reader.readFacts(d.getProcedure(), body.get("facts"), "facts.");
      requireSameProcess(d, facts.value());
      if (!Objects.equals(d.getFactsJson(), facts.json())) {
        changes.add(new String[] {"facts", d.getFactsJson(), facts.json()});
        d.correctFacts(facts.json(), referenceDate, now);
        replaceFactParties(d.getId(), facts.value());
        reevaluate = true;
      }
    }
    if (referenceDate != null && !referenceDate.equals(d.getReferenceDate())) {
      d.correctFacts(d.getFactsJson(), referenceDate, now);
      reevaluate = d.getFactsJson() != null;
    }
    if (has(body, "referent")) {
      JsonNode r = body.get("referent");
      if (!r.isTextual() || !r.asText().matches("[a-zA-Z0-9._-]{1,100}")) {
        throw new InvalidInputException("referent", "referent: must be a user id");
      }
      if (!tasks.isUser(r.asText())) {
        throw new BusinessRuleException("referent", "referent: no user '" + r.asText() + "'");
      }
      track(changes, "referent", d.getReferent(), r.asText());
      d.assignTo(r.asText(), now);
    }
    d.touch(now);
    for (String[] c : changes) {
      jdbc.update("insert into dossier_change (dossier_id, at, username, field, old_value, new_value) "
          + "values (?, ?, ?, ?, ?, ?)", id, Timestamp.from(now), viewer.user(), c[0], cut(c[1]), cut(c[2]));
    }
    if (!changes.isEmpty()) {
      accessLog.record(id, viewer.user(), AccessAction.CHANGE,
          String.join(", ", changes.stream().map(c -> c[0]).toList()));
    }
    if (reevaluate) {
      evaluate(d);
    }
    return reading.viewAfterChange(id, viewer);
  }

  /**
   * Facts that would start another process than the one running (a visa C dossier given the facts
   * of a visa D) are refused (422): the running procedure's clocks and steps would be the wrong ones.
   */
  private void requireSameProcess(Dossier d, Object facts) {
    if (d.getProcessInstanceId() == null) {
      return;
    }
    var descriptor = d.getProcedure().descriptor();
    String running = descriptor.processKeyFor(reader.storedFacts(d.getProcedure(), d.getFactsJson()));
    String wanted = descriptor.processKeyFor(facts);
    if (!running.equals(wanted)) {
      throw new BusinessRuleException("facts.visaType", "facts.visaType: " + messages.getMessage(
          "dossier.facts.processChanged", null, "dossier.facts.processChanged",
          org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }
  }

  private void evaluate(Dossier d) {
    EligibilityEvaluator rules = evaluator.getIfAvailable();
    if (rules == null) {
      log.warn("No eligibility rules: the verdict of {} is evaluated at its next rules step", d.getReference());
      return;
    }
    var v = rules.evaluate(d.getProcedure().code(), d.getFactsJson(), d.getReferenceDate());
    dossiers.recordVerdict(d.getId(), new RecordedVerdict(d.getReferenceDate(), v.regime(), v.outcome(),
        v.rulesVersion(), v.verdictJson(), v.requiredDocuments()));
  }

  private void replaceFactParties(long dossierId, Object facts) {
    if (facts instanceof FamilyReunificationFacts fr) {
      parties.findByDossierIdOrderById(dossierId).stream()
          .filter(p -> p.getRole() == PartyRole.SPONSOR || p.getRole() == PartyRole.APPLICANT)
          .forEach(parties::delete);
      parties.save(new Party(dossierId, PartyRole.SPONSOR, null, null, null, fr.sponsor().kind().name(), null));
      parties.save(new Party(dossierId, PartyRole.APPLICANT, null, null, fr.applicant().birthDate(),
          fr.applicant().relationship().name(), null));
    }
  }

  private static boolean has(JsonNode body, String field) {
    return body.has(field) && !body.get(field).isNull();
  }

  private static void track(List<String[]> changes, String field, Object before, Object after) {
    if (after != null && !Objects.equals(before, after)) {
      changes.add(new String[] {field, before == null ? null : before.toString(), after.toString()});
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String cut(String s) {
    return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
  }
}
