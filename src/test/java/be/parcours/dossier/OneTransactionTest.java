package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.eligibility.NationalityFacts;
import be.parcours.testsupport.ParcoursSpringTest;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Camunda shares Spring's transaction: a dossier row and its process state commit or roll back together. */
@ParcoursSpringTest
class OneTransactionTest {

  static final String PROBE = "RollbackProbe";

  @Autowired
  DossierService dossierService;
  @Autowired
  DossierRepository dossiers;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  TransactionTemplate transactionTemplate;

  String deploymentId;

  @BeforeEach
  void deployProbe() {
    var model = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Wait").name("Attendre").endEvent().done();
    deploymentId = repositoryService.createDeployment().addModelInstance(PROBE + ".bpmn", model).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  private OpenDossierCommand command(String lastName) {
    var facts = new NationalityFacts(null, new NationalityFacts.Person(LocalDate.parse("1980-01-01"), null, null,
        null, null, null, null, null, null, null, null, null, null));
    return new OpenDossierCommand(Procedure.NATIONALITY,
        new BeneficiaryInput("Test", lastName, null, null, List.of(), null, null), null, facts, "{}", null);
  }

  @Test
  void a_failure_after_the_dossier_write_rolls_back_both_the_row_and_the_process() {
    long dossiersBefore = dossiers.count();
    String[] reference = new String[1];

    assertThatThrownBy(() -> transactionTemplate.executeWithoutResult(status -> {
      DossierCreated created = dossierService.open(command("Rollback"), "demo-caseworker");
      reference[0] = created.reference();
      runtimeService.startProcessInstanceByKey(PROBE, created.reference());
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE)
          .processInstanceBusinessKey(created.reference()).count()).isEqualTo(1);
      throw new IllegalStateException("failure after the writes");
    })).hasMessage("failure after the writes");

    assertThat(dossiers.count()).isEqualTo(dossiersBefore);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE).count()).isZero();
    // the Nationality procedure the dossier started is rolled back too
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference[0]).count())
        .isZero();
  }

  @Test
  void without_failure_both_are_committed() {
    String reference = transactionTemplate.execute(status -> {
      DossierCreated created = dossierService.open(command("Commit"), "demo-caseworker");
      runtimeService.startProcessInstanceByKey(PROBE, created.reference());
      return created.reference();
    });

    assertThat(dossiers.findByReference(reference)).isPresent();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE)
        .processInstanceBusinessKey(reference).count()).isEqualTo(1);
  }

  @Test
  void closing_a_deadline_the_dossier_does_not_have_leaves_the_surrounding_transaction_committable() {
    // a process step closes a clock its path may never have started, inside the engine's transaction
    String reference = transactionTemplate.execute(status -> {
      DossierCreated created = dossierService.open(command("NoClock"), "demo-caseworker");
      dossierService.closeDeadlineIfPresent(created.id(), "NATIONALITY_OPINION", DeadlineStatus.MET);
      dossierService.setStatus(created.id(), DossierStatus.DECIDED);
      return created.reference();
    });

    assertThat(dossiers.findByReference(reference)).get().extracting(Dossier::getStatus)
        .isEqualTo(DossierStatus.DECIDED);
  }
}
