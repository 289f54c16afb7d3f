package be.parcours.procedure.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed diagrams are what {@link ProcessLayout} computes from the process graphs. After a
 * change to a model, regenerate them with
 * {@code ./mvnw -o test -Dtest=ProcessLayoutTest -Dparcours.layout.write=true}.
 */
class ProcessLayoutTest {

  static List<Path> models() throws IOException {
    return ProcessLayout.models(Path.of("processes"));
  }

  @ParameterizedTest
  @MethodSource("models")
  void regenerating_the_layout_gives_the_committed_file(Path file) throws IOException {
    String committed = Files.readString(file);
    String generated = ProcessLayout.layout(committed);
    if (Boolean.getBoolean("parcours.layout.write") && !generated.equals(committed)) {
      Files.writeString(file, generated);
      committed = generated;
    }
    assertThat(committed).as(file + " differs from its generated layout: regenerate with -Dparcours.layout.write=true")
        .isEqualTo(generated);
    assertThat(ProcessLayout.layout(generated)).as("the layout is stable").isEqualTo(generated);
  }
}
