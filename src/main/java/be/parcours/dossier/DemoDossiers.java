package be.parcours.dossier;

import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.eligibility.FamilyReunificationFacts.Applicant;
import be.parcours.eligibility.FamilyReunificationFacts.IncomeKind;
import be.parcours.eligibility.FamilyReunificationFacts.Location;
import be.parcours.eligibility.FamilyReunificationFacts.Relationship;
import be.parcours.eligibility.FamilyReunificationFacts.Residence;
import be.parcours.eligibility.FamilyReunificationFacts.Sponsor;
import be.parcours.eligibility.FamilyReunificationFacts.SponsorKind;
import be.parcours.eligibility.NationalityFacts;
import be.parcours.eligibility.VisaFacts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import be.parcours.cluster.BackgroundStartupEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few realistic demo dossiers (fictitious people) so that a newcomer sees something meaningful
 * at once. Demo profile only, and only into an empty database.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "parcours.demo.dossiers", havingValue = "true", matchIfMissing = true)
class DemoDossiers {

  private static final Logger log = LoggerFactory.getLogger(DemoDossiers.class);
  private static final String CASEWORKER = "demo-caseworker";

  private final DossierService service;
  private final DossierRepository dossiers;
  private final ObjectMapper mapper;
  private final Clock clock;

  DemoDossiers(DossierService service, DossierRepository dossiers, ObjectMapper mapper, Clock clock) {
    this.service = service;
    this.dossiers = dossiers;
    this.mapper = mapper;
    this.clock = clock;
  }

  @EventListener
  @Order(10)
  public void onReady(BackgroundStartupEvent event) {
    if (dossiers.count() > 0) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    open(Procedure.FAMILY_REUNIFICATION, person("Amina", "Benali", "1994-03-12", "MA", "fr", "ar"),
        new FamilyReunificationFacts(
            new Sponsor(SponsorKind.THIRD_COUNTRY_NATIONAL, Residence.UNLIMITED, LocalDate.parse("2019-05-02"),
                new BigDecimal("2650.00"), Set.of(IncomeKind.EMPLOYMENT), true, true, 3),
            new Applicant(Relationship.SPOUSE, LocalDate.parse("1996-07-21"), LocalDate.parse("2018-08-04"), true,
                Location.ABROAD)));
    open(Procedure.FAMILY_REUNIFICATION, person("Yonas", "Tesfaye", "1988-11-02", "ER", "ti", "en"),
        new FamilyReunificationFacts(
            new Sponsor(SponsorKind.REFUGEE, Residence.UNLIMITED, today.minusMonths(3), new BigDecimal("1450.00"),
                Set.of(IncomeKind.EMPLOYMENT), false, true, 4),
            new Applicant(Relationship.CHILD, today.minusYears(9), null, true, Location.ABROAD)));
    open(Procedure.FAMILY_REUNIFICATION, person("Dilnoza", "Karimova", "1990-01-30", "UZ", "ru", "fr"),
        new FamilyReunificationFacts(
            new Sponsor(SponsorKind.SUBSIDIARY_PROTECTION, Residence.LIMITED, today.minusMonths(14),
                new BigDecimal("2100.00"), Set.of(IncomeKind.EMPLOYMENT, IncomeKind.FAMILY_ALLOWANCE), true, true, 2),
            new Applicant(Relationship.SPOUSE, LocalDate.parse("1989-05-17"), LocalDate.parse("2015-06-20"), true,
                Location.ABROAD)));
    open(Procedure.NATIONALITY, person("Kwame", "Mensah", "1985-06-14", "GH", "en", "fr"),
        new NationalityFacts(today.minusDays(3), new NationalityFacts.Person(LocalDate.parse("1985-06-14"), false,
            false, NationalityFacts.ResidenceCard.B, LocalDate.parse("2016-02-01"), NationalityFacts.LanguageLevel.A2,
            NationalityFacts.SocialIntegration.FIVE_YEARS_WORK, 980, 0, null, false, false, null)));
    open(Procedure.VISA, person("Fatou", "Diallo", "1979-09-09", "SN", "fr", "wo"),
        new VisaFacts(VisaFacts.VisaType.C, VisaFacts.Purpose.FAMILY_VISIT,
            new VisaFacts.Applicant(LocalDate.parse("1952-04-18"), "SN")));
    log.info("Demo dossiers created");
  }

  private static BeneficiaryInput person(String first, String last, String birth, String nationality,
      String... languages) {
    return new BeneficiaryInput(first, last, LocalDate.parse(birth), nationality, List.of(languages), null, null);
  }

  private void open(Procedure procedure, BeneficiaryInput beneficiary, Object facts) {
    try {
      service.open(new OpenDossierCommand(procedure, beneficiary, null, facts, mapper.writeValueAsString(facts),
          null), CASEWORKER);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
