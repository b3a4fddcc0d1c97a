package it.vademecum.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ link only to files and headings that exist, and the README reaches every doc. */
class DocumentationLinksTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

  @Test
  void everyRelativeLinkPointsToAnExistingFileAndHeading() {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      for (String target : links(doc)) {
        problem(doc, target).ifPresent(broken::add);
      }
    }
    assertEquals(List.of(), broken, "broken links");
  }

  @Test
  void theReadmeLinksEveryDocument() throws IOException {
    Set<Path> linked = new HashSet<>();
    Path readme = ROOT.resolve("README.md");
    for (String target : links(readme)) {
      linked.add(readme.getParent().resolve(target.replaceFirst("#.*", "")).normalize());
    }
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      List<Path> missing = docs.filter(p -> p.toString().endsWith(".md")).filter(p -> !linked.contains(p))
          .map(ROOT::relativize).toList();
      assertEquals(List.of(), missing, "docs the README does not link");
    }
    assertTrue(linked.contains(ROOT.resolve("docs/adr/README.md")), "the README links the decision records");
  }

  @Test
  void aMissingFileOrHeadingIsReportedAndAnExistingOneIsNot() {
    Path readme = ROOT.resolve("README.md");
    assertTrue(problem(readme, "docs/no-such-file.md").isPresent());
    assertTrue(problem(readme, "docs/teams.md#no-such-heading").isPresent());
    assertTrue(problem(readme, "#no-such-heading").isPresent());
    assertTrue(problem(readme, "docs/teams.md#register-the-bot-in-azure").isEmpty());
    assertTrue(problem(readme, "#quick-start").isEmpty());
    assertTrue(problem(readme, "https://example.org/anything").isEmpty());
  }

  @Test
  void headingsBecomeGithubAnchors() {
    assertEquals("start-up-and-the-class-data-archive", anchor("Start-up and the class-data archive"));
    assertEquals("0001-keep-the-sdk-behind-teams-only", anchor("0001 Keep the SDK, behind `teams` only"));
    assertEquals("dati-personali-personal-data", anchor("Dati personali (personal data)"));
  }

  /** README.md, then every Markdown file under docs/ and tools/ (not generated folders). */
  private static List<Path> documents() {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    for (String dir : List.of("docs", "tools")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
        files.filter(p -> p.toString().endsWith(".md"))
            .filter(p -> !p.toString().contains("node_modules"))
            .sorted().forEach(docs::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return docs;
  }

  /** The link targets of a Markdown file, outside code fences and inline code. */
  static List<String> links(Path doc) {
    List<String> out = new ArrayList<>();
    boolean fence = false;
    for (String line : read(doc)) {
      if (line.strip().startsWith("```")) {
        fence = !fence;
        continue;
      }
      if (fence) {
        continue;
      }
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** What is wrong with one link of a document, if anything. */
  static java.util.Optional<String> problem(Path doc, String target) {
    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return java.util.Optional.empty();
    }
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
    String where = ROOT.relativize(doc) + ": " + target;
    if (!Files.exists(resolved)) {
      return java.util.Optional.of(where + " (no such file)");
    }
    if (hash >= 0 && resolved.toString().endsWith(".md")
        && !anchors(resolved).contains(target.substring(hash + 1))) {
      return java.util.Optional.of(where + " (no such heading)");
    }
    return java.util.Optional.empty();
  }

  private static Set<String> anchors(Path doc) {
    Set<String> out = new HashSet<>();
    boolean fence = false;
    for (String line : read(doc)) {
      if (line.strip().startsWith("```")) {
        fence = !fence;
      }
      Matcher m = HEADING.matcher(line);
      if (!fence && m.matches()) {
        String a = anchor(m.group(1));
        String unique = a;
        for (int n = 1; !out.add(unique); n++) {
          unique = a + "-" + n;
        }
      }
    }
    return out;
  }

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
        .replace(' ', '-');
  }

  private static List<String> read(Path doc) {
    try {
      return Files.readAllLines(doc, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
