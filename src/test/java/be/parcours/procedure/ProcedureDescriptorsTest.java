package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.dossier.Procedure;
import be.parcours.eligibility.ProcedureDescriptor;
import be.parcours.eligibility.ProcedureDescriptors;
import be.parcours.eligibility.VisaFacts;
import be.parcours.procedure.layout.ProcessLayout;
import be.parcours.reporting.OutcomeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * The descriptors are the one place a procedure is declared: each one's processes exist in
 * processes/, its rules folder and scenarios exist in rules/, its outcome is a reporting outcome,
 * and the contract's enum follows them.
 */
class ProcedureDescriptorsTest {

  static Set<String> processIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path file : ProcessLayout.models(Path.of("processes"))) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).forEach(p -> ids.add(p.getId()));
    }
    return ids;
  }

  @Test
  void every_process_key_of_a_descriptor_and_every_shared_process_is_a_model_of_processes() throws IOException {
    Set<String> ids = processIds();

    assertThat(ids).containsAll(ProcedureDescriptors.processKeys());
  }

  @Test
  void every_process_a_model_calls_is_a_process_of_parcours() throws IOException {
    for (Path file : ProcessLayout.models(Path.of("processes"))) {
      for (CallActivity call : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(CallActivity.class)) {
        assertThat(ProcedureDescriptors.processKeys()).as(file + " " + call.getId()).contains(call.getCalledElement());
      }
    }
  }

  @Test
  void every_descriptor_has_its_rules_folder_with_rules_and_its_scenarios() throws IOException {
    for (ProcedureDescriptor d : ProcedureDescriptors.ALL) {
      Path folder = Path.of("rules", d.rulesFolder());
      assertThat(folder).as(d.code()).isDirectory();
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.filter(f -> f.toString().endsWith(".drl"))).as(d.code() + " rules").isNotEmpty();
      }
      try (Stream<String> drl = Files.list(folder).filter(f -> f.toString().endsWith(".drl")).map(ProcedureDescriptorsTest::read)) {
        assertThat(drl).as(d.code() + " package").allMatch(text -> text.contains("package be.parcours.rules." + d.rulePackage() + ";"));
      }
      assertThat(Path.of("rules", "scenarios", d.code() + ".csv")).as(d.code() + " scenarios").exists();
    }
  }

  @Test
  void every_descriptor_names_a_reporting_outcome_a_label_and_its_own_reference_prefix() {
    Set<String> prefixes = new HashSet<>();
    for (ProcedureDescriptor d : ProcedureDescriptors.ALL) {
      assertThat(OutcomeKind.valueOf(d.grantedOutcome())).as(d.code()).isNotNull();
      assertThat(d.label()).as(d.code()).isNotBlank();
      assertThat(prefixes.add(d.referencePrefix())).as(d.code() + " prefix " + d.referencePrefix()).isTrue();
    }
  }

  @Test
  void the_contract_enum_has_one_constant_per_descriptor() {
    assertThat(Arrays.stream(Procedure.values()).map(Procedure::descriptor).toList())
        .containsExactlyInAnyOrderElementsOf(ProcedureDescriptors.ALL);
    assertThat(Procedure.fromCode("visa").prefix()).isEqualTo("VI");
    assertThatThrownBy(() -> Procedure.fromCode("asylum")).hasMessageContaining("family-reunification, visa, nationality");
  }

  @Test
  void a_visa_dossier_starts_visa_d_or_visa_c_by_its_facts_and_a_process_key_maps_back_to_its_procedure() {
    var d = new VisaFacts(VisaFacts.VisaType.D, VisaFacts.Purpose.STUDY, null);
    var c = new VisaFacts(VisaFacts.VisaType.C, VisaFacts.Purpose.TOURISM, null);

    assertThat(ProcedureDescriptors.VISA.processKeyFor(d)).isEqualTo("VisaD");
    assertThat(ProcedureDescriptors.VISA.processKeyFor(c)).isEqualTo("VisaC");
    assertThat(ProcedureDescriptors.byProcessKey("VisaD")).contains(ProcedureDescriptors.VISA);
    assertThat(ProcedureDescriptors.byProcessKey("DossierFront")).isEmpty();
    assertThat(ProcedureDescriptors.procedureByProcessKey()).containsEntry("FamilyReunification", "family-reunification")
        .containsEntry("Nationality", "nationality").doesNotContainKey("DossierFront");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
