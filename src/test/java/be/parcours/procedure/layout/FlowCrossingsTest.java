package be.parcours.procedure.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crossing flows per diagram, as a ceiling that may only go down: lower it when a layout change
 * removes crossings, never raise it (a model that needs more is a model to lay out better).
 */
class FlowCrossingsTest {

  /**
   * Counted on 2 December 2026 after the steps were moved between the rows of their lane to cross
   * less ({@code ProcessLayout.Level#improveTracks}; before: back 9, FR 8, Nationality 15; before the
   * band above the main row: back 20, FR 10, Nationality 21, VisaD 1, front 1; before the shared
   * back: FR 40, Nationality 18, VisaC 12, VisaD 8).
   */
  static final Map<String, Integer> CEILING = Map.of(
      "DossierFront.bpmn", 0,
      "DossierBack.bpmn", 5,
      "FamilyReunification.bpmn", 2,
      "Nationality.bpmn", 4,
      "VisaC.bpmn", 0,
      "VisaD.bpmn", 0);

  /** {@code -Dparcours.crossings.dir=…} counts another set of models (e.g. an older commit's) for comparison. */
  static List<Path> models() throws IOException {
    return ProcessLayout.models(Path.of(System.getProperty("parcours.crossings.dir", "processes")));
  }

  @ParameterizedTest
  @MethodSource("models")
  void crossing_flows_do_not_exceed_the_ceiling(Path file) {
    int crossings = FlowCrossings.count(Bpmn.readModelFromFile(file.toFile()));
    System.out.println("[crossings] " + file.getFileName() + " " + crossings);
    assertThat(CEILING).as("a ceiling for every model").containsKey(file.getFileName().toString());
    assertThat(crossings).as(file + ": crossing flows").isLessThanOrEqualTo(CEILING.get(file.getFileName().toString()));
  }

  @Test
  void the_counter_sees_a_cross_and_not_a_shared_end() {
    var horizontal = new FlowCrossings.Segment(0, 50, 100, 50);
    assertThat(FlowCrossings.properlyCross(horizontal, new FlowCrossings.Segment(50, 0, 50, 100))).isTrue();
    assertThat(FlowCrossings.properlyCross(horizontal, new FlowCrossings.Segment(100, 50, 100, 0))).isFalse();
    assertThat(FlowCrossings.properlyCross(horizontal, new FlowCrossings.Segment(0, 60, 100, 60))).isFalse();
  }
}
