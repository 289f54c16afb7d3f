package be.parcours.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of a rule set, by path relative to the rules directory ("family-reunification/x.drl"):
 * rules (*.drl), decision tables (*.drl.csv, *.drl.xlsx), scenarios (scenarios/*.csv) and clocks.
 * Read from a folder legal staff edit, or from the rules packaged with the application.
 */
record RuleFiles(String origin, Map<String, byte[]> files) {

  static RuleFiles fromDirectory(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (relevant(rel)) {
          files.put(rel, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules from " + dir, e);
    }
    return new RuleFiles(dir.toAbsolutePath().toString(), files);
  }

  static RuleFiles fromClasspath() {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:rules/**/*.*")) {
        String url = r.getURL().toString();
        String rel = url.substring(url.lastIndexOf("/rules/") + "/rules/".length());
        if (r.isReadable() && relevant(rel)) {
          try (var in = r.getInputStream()) {
            files.put(rel, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged rules", e);
    }
    return new RuleFiles("classpath:rules/", files);
  }

  /** A set from texts by path (the database, a proposal). */
  static RuleFiles fromTexts(String origin, Map<String, String> texts) {
    Map<String, byte[]> files = new TreeMap<>();
    texts.forEach((path, text) -> files.put(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return new RuleFiles(origin, files);
  }

  /** The same set in canonical form (see {@link SpreadsheetNormalizer}): what is stored and compared. */
  RuleFiles canonical() {
    Map<String, byte[]> out = new TreeMap<>();
    files.forEach((path, content) -> {
      var n = SpreadsheetNormalizer.normalize(path, content);
      out.put(n.path(), n.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    });
    return new RuleFiles(origin, out);
  }

  /** The files as text, by path in name order. */
  Map<String, String> texts() {
    Map<String, String> out = new TreeMap<>();
    files.forEach((path, content) -> out.put(path, new String(content, java.nio.charset.StandardCharsets.UTF_8)));
    return out;
  }

  static boolean relevant(String rel) {
    return rel.endsWith(".drl") || rel.endsWith(".drl.csv") || rel.endsWith(".drl.xlsx")
        || (rel.startsWith("scenarios/") && rel.endsWith(".csv")) || (rel.startsWith("clocks/") && rel.endsWith(".csv"));
  }

  boolean isRuleFile(String path) {
    return path.endsWith(".drl") || path.endsWith(".drl.csv") || path.endsWith(".drl.xlsx");
  }

  /** First 7 hex digits of {@link #fullHash()}. */
  String contentHash() {
    return fullHash().substring(0, 7);
  }

  /** SHA-256 (hex) over every file name and content, in name order: the identity of a content. */
  String fullHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      files.forEach((name, content) -> {
        md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(content);
      });
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
