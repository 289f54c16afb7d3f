package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.ParcoursSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/ is a real build input: every BPMN model and Camunda Form in it is deployed at start-up. */
@ParcoursSpringTest
class ProceduresDeploymentTest {

  @Autowired
  RepositoryService repositoryService;

  private static List<Path> files(String glob) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("processes"))) {
      return s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).toList();
    }
  }

  @Test
  void every_bpmn_of_processes_is_deployed_under_its_file_name() throws IOException {
    List<Path> models = files("*.bpmn");

    assertThat(models).isNotEmpty();
    for (Path model : models) {
      String key = model.getFileName().toString().replace(".bpmn", "");
      var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult();
      assertThat(definition).as(key).isNotNull();
      assertThat(definition.getHistoryTimeToLive()).as(key + " historyTimeToLive").isNotNull();
    }
  }

  @Test
  void every_process_of_every_procedure_descriptor_and_the_shared_ones_are_deployed() {
    for (String key : be.parcours.eligibility.ProcedureDescriptors.processKeys()) {
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult()).as(key).isNotNull();
    }
  }

  @Test
  void every_form_of_processes_is_deployed_with_the_models() throws IOException {
    List<Path> forms = files("*.form");
    String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("FamilyReunification")
        .latestVersion().singleResult().getDeploymentId();
    List<String> deployed = repositoryService.getDeploymentResourceNames(deploymentId);

    assertThat(forms).isNotEmpty();
    for (Path form : forms) {
      assertThat(deployed).as(form.toString()).anyMatch(name -> name.endsWith(form.getFileName().toString()));
    }
  }
}
