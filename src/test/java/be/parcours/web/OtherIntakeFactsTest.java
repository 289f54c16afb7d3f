package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The nationality and visa forms read into the API's facts, plain Java: what is kept, what is refused and why. */
class OtherIntakeFactsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  final ObjectMapper mapper = new ObjectMapper();

  NationalityIntakeFacts.Form declaration(String birth, String since, String days) {
    return new NationalityIntakeFacts.Form("01/12/2026", birth, "false", "", "K", since, "A2", "DIPLOMA", days, "",
        "0", "", "true", "");
  }

  @Test
  void a_declaration_is_read_with_its_dates_numbers_and_unknowns_left_out() throws Exception {
    ObjectNode facts = mapper.createObjectNode();
    var errors = NationalityIntakeFacts.read(declaration("21/05/1987", "02/03/2019", "468"), TODAY, facts);

    assertThat(errors).isEmpty();
    assertThat(mapper.writeValueAsString(facts)).isEqualTo("{\"feePaidOn\":\"2026-12-01\",\"person\":{"
        + "\"birthDate\":\"1987-05-21\",\"bornInBelgium\":false,\"residenceCard\":\"K\",\"legalStaySince\":\"2019-03-02\","
        + "\"languageLevel\":\"A2\",\"socialIntegration\":\"DIPLOMA\",\"daysWorkedLast5Years\":468,"
        + "\"marriedToBelgianCohabitingYears\":0,\"disabilityOrPension\":true}}");
  }

  @Test
  void a_declaration_without_birth_date_a_stay_before_birth_and_too_many_days_are_refused_field_by_field() {
    var errors = NationalityIntakeFacts.read(declaration("", "02/03/2019", "1831"), TODAY, mapper.createObjectNode());
    var before = NationalityIntakeFacts.read(declaration("21/05/1987", "20/05/1987", "x"), TODAY,
        mapper.createObjectNode());
    var future = NationalityIntakeFacts.read(new NationalityIntakeFacts.Form("03/12/2026", "21/05/1987", "", "", "Z",
        "", "", "", "", "41", "", "", "", ""), TODAY, mapper.createObjectNode());

    assertThat(errors).containsEntry("birthDate", "natfacts.error.birthDate")
        .containsEntry("daysWorkedLast5Years", "natfacts.error.days");
    assertThat(before).containsEntry("legalStaySince", "natfacts.error.legalStayBeforeBirth")
        .containsEntry("daysWorkedLast5Years", "natfacts.error.days");
    assertThat(future).containsEntry("feePaidOn", "facts.error.date.future")
        .containsEntry("residenceCard", "facts.error.choice")
        .containsEntry("selfEmployedQuarters", "natfacts.error.quarters");
  }

  @Test
  void a_visa_needs_its_type_and_purpose_and_keeps_the_sponsor_only_for_family_reunification() throws Exception {
    ObjectNode d = mapper.createObjectNode();
    ObjectNode c = mapper.createObjectNode();
    var reunification = VisaIntakeFacts.read(new VisaIntakeFacts.Form("D", "FAMILY_REUNIFICATION", "09/11/1993", "mar",
        "BELGIAN"), TODAY, d);
    var visit = VisaIntakeFacts.read(new VisaIntakeFacts.Form("C", "FAMILY_VISIT", "", "", "BELGIAN"), TODAY, c);
    var missing = VisaIntakeFacts.read(new VisaIntakeFacts.Form("", "", "31/02/1993", "M4", ""), TODAY,
        mapper.createObjectNode());

    assertThat(reunification).isEmpty();
    assertThat(mapper.writeValueAsString(d)).isEqualTo("{\"visaType\":\"D\",\"purpose\":\"FAMILY_REUNIFICATION\","
        + "\"applicant\":{\"birthDate\":\"1993-11-09\",\"nationality\":\"MAR\"},\"sponsorKind\":\"BELGIAN\"}");
    assertThat(visit).isEmpty();
    assertThat(mapper.writeValueAsString(c)).isEqualTo("{\"visaType\":\"C\",\"purpose\":\"FAMILY_VISIT\",\"applicant\":{}}");
    assertThat(missing).containsEntry("visaType", "visafacts.error.visaType").containsEntry("purpose",
        "visafacts.error.purpose").containsEntry("applicantNationality", "visafacts.error.nationality")
        .containsKey("applicantBirthDate");
  }

  @Test
  void the_form_shows_what_is_recorded_or_the_persons_details() throws Exception {
    var recorded = mapper.readTree("{\"visaType\":\"D\",\"purpose\":\"STUDY\",\"applicant\":{\"birthDate\":\"1993-11-09\"}}");

    var fromFacts = VisaIntakeFacts.Form.of(recorded, "D", LocalDate.of(1990, 1, 1), "MA");
    var fromPerson = VisaIntakeFacts.Form.of(null, "C", LocalDate.of(1990, 1, 1), "MA");
    var nationality = NationalityIntakeFacts.Form.of(null, LocalDate.of(1987, 5, 21));

    assertThat(fromFacts).isEqualTo(new VisaIntakeFacts.Form("D", "STUDY", "09/11/1993", "", ""));
    assertThat(fromPerson).isEqualTo(new VisaIntakeFacts.Form("C", "", "01/01/1990", "MA", ""));
    assertThat(nationality.birthDate()).isEqualTo("21/05/1987");
    assertThat(nationality.residenceCard()).isEmpty();
  }

  @Test
  void api_fields_name_the_form_fields() {
    assertThat(VisaIntakeFacts.formField("facts.applicant.nationality")).isEqualTo("applicantNationality");
    assertThat(VisaIntakeFacts.formField("facts.visaType")).isEqualTo("visaType");
    assertThat(NationalityIntakeFacts.formField("facts.person.legalStaySince")).isEqualTo("legalStaySince");
    assertThat(NationalityIntakeFacts.formField("facts.person")).isEqualTo("birthDate");
  }
}
