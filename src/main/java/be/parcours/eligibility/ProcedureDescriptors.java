package be.parcours.eligibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The procedures of Parcours, one {@link ProcedureDescriptor} each, and the processes they share
 * (called from their models: the common front, the visa D filing of a family reunification).
 */
public final class ProcedureDescriptors {

  private ProcedureDescriptors() {}

  public static final ProcedureDescriptor FAMILY_REUNIFICATION = new ProcedureDescriptor("family-reunification",
      "RF", FamilyReunificationFacts.class,
      facts -> facts instanceof FamilyReunificationFacts f && f.sponsor() != null && f.sponsor().kind() != null
          && f.applicant() != null && f.applicant().relationship() != null,
      "familyreunification", List.of("FamilyReunification"), facts -> "FamilyReunification",
      "Regroupement familial", "REUNIFICATION_GRANTED", Scenarios::familyFacts);

  public static final ProcedureDescriptor VISA = new ProcedureDescriptor("visa", "VI", VisaFacts.class,
      facts -> facts instanceof VisaFacts v && v.visaType() != null && v.purpose() != null,
      "visa", List.of("VisaC", "VisaD"),
      facts -> facts instanceof VisaFacts v && v.visaType() == VisaFacts.VisaType.D ? "VisaD" : "VisaC",
      "Visa", "VISA_OBTAINED", Scenarios::visaFacts);

  public static final ProcedureDescriptor NATIONALITY = new ProcedureDescriptor("nationality", "NA",
      NationalityFacts.class, facts -> facts instanceof NationalityFacts n && n.person() != null,
      "nationality", List.of("Nationality"), facts -> "Nationality",
      "Nationalité", "NATIONALITY_ACQUIRED", Scenarios::nationalityFacts);

  /** In the order of the contract's list (family reunification, visa, nationality). */
  public static final List<ProcedureDescriptor> ALL = List.of(FAMILY_REUNIFICATION, VISA, NATIONALITY);

  /**
   * Processes no procedure starts by itself but every procedure's model calls (the common front:
   * intake, rules, legal review, documents). Their steps count under the procedure of the root
   * process that called them.
   */
  public static final List<String> SHARED_PROCESS_KEYS = List.of("DossierFront", "DossierBack");

  /** The procedure of a contract code. */
  public static Optional<ProcedureDescriptor> byCode(String code) {
    return ALL.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  /** The procedure of a contract code, or an IllegalArgumentException naming the codes. */
  public static ProcedureDescriptor of(String code) {
    return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown procedure '" + code
        + "' (expected one of " + String.join(", ", codes()) + ")"));
  }

  /** The procedure that starts a process key (not the shared processes). */
  public static Optional<ProcedureDescriptor> byProcessKey(String processKey) {
    return ALL.stream().filter(d -> d.processKeys().contains(processKey)).findFirst();
  }

  /** The procedure whose Drools package ends with this name ({@code familyreunification}). */
  public static Optional<ProcedureDescriptor> byRulePackage(String rulePackage) {
    return ALL.stream().filter(d -> d.rulePackage().equals(rulePackage)).findFirst();
  }

  public static List<String> codes() {
    return ALL.stream().map(ProcedureDescriptor::code).toList();
  }

  /** The rules folders of the procedures (one KieBase each). */
  public static List<String> rulesFolders() {
    return ALL.stream().map(ProcedureDescriptor::rulesFolder).toList();
  }

  /** Every process key a procedure starts, then the shared ones: the processes of Parcours. */
  public static List<String> processKeys() {
    return Stream.concat(ALL.stream().flatMap(d -> d.processKeys().stream()), SHARED_PROCESS_KEYS.stream()).toList();
  }

  /** Process key → procedure code, for the keys a procedure starts. */
  public static Map<String, String> procedureByProcessKey() {
    Map<String, String> map = new LinkedHashMap<>();
    ALL.forEach(d -> d.processKeys().forEach(k -> map.put(k, d.code())));
    return map;
  }
}
