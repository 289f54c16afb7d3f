package be.parcours.testsupport;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.jar.JarFile;

/** What a test needs to start the application in a JVM of its own (a cluster node, a benchmark's process). */
public final class ForkedJvm {

  private ForkedJvm() {}

  /**
   * This JVM's class path as plain entries: under failsafe it is one manifest-only jar whose
   * Class-Path lists the entries, which Spring's classpath*: scanning would then see twice (each
   * BPMN deployed twice in one deployment). The packaged application jar, if a previous build made
   * it, is left out for the same reason.
   */
  public static String classPath() throws Exception {
    LinkedHashSet<String> paths = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      String manifestPath = null;
      if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("surefire")) {
        try (var jar = new JarFile(path.toFile())) {
          var manifest = jar.getManifest();
          manifestPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        }
      }
      if (manifestPath == null) {
        paths.add(path.toString());
        continue;
      }
      URI base = path.getParent().toUri();
      for (String listed : manifestPath.trim().split("\\s+")) {
        paths.add(Path.of(base.resolve(listed)).normalize().toString());
      }
    }
    paths.removeIf(p -> p.matches(".*/target/parcours-[^/]*\\.jar"));
    return String.join(File.pathSeparator, paths);
  }
}
