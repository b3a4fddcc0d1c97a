package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import it.vademecum.cli.PackageAppCommand;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** manifest/ and the package-app command. */
class AppPackageTest {

  static final String ID = "6f1c3c5e-8a7d-4b2e-9c1f-2d3e4f5a6b7c";
  static final String DOMAIN = "vademecum.example.it";
  static final Path MANIFEST = Path.of("manifest");
  /**
   * The official Teams manifest schemas, from the npm package @microsoft/app-manifest:
   * {@code npm install --prefix target/app-manifest --no-save --no-package-lock @microsoft/app-manifest@1.1.2}
   */
  static final Path SCHEMAS = Path.of(System.getProperty("teams.manifest.schemas",
      "target/app-manifest/node_modules/@microsoft/app-manifest/build/json-schemas/teams"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFilledManifestIsValidForTheOfficialSchemaOfItsVersion() throws Exception {
    JsonNode manifest = JSON.readTree(AppPackage.filledManifest(MANIFEST, ID, DOMAIN));
    String version = manifest.path("manifestVersion").asText();
    Path schemaFile = SCHEMAS.resolve("v" + version).resolve("MicrosoftTeams.schema.json");
    String install = "Teams schema not installed at " + schemaFile.toAbsolutePath()
        + ": npm install --prefix target/app-manifest --no-save --no-package-lock @microsoft/app-manifest@1.1.2";
    // .ci/run installs it: in CI a missing schema is a failure, not a silently skipped check.
    assertTrue(Files.isRegularFile(schemaFile) || !"true".equals(System.getenv("CI")), install);
    if (!Files.isRegularFile(schemaFile)) {
      // Surefire keeps a skip's reason in its report files: say it on the build's console too.
      console("[WARNING] Skipped: the Teams manifest check against Microsoft's official schema needs the schema "
          + "package (Node.js and npm). To run it: npm install --prefix target/app-manifest --no-save "
          + "--no-package-lock @microsoft/app-manifest@1.1.2");
    }
    assumeTrue(Files.isRegularFile(schemaFile), install);
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
        .getSchema(Files.newInputStream(schemaFile));
    Set<ValidationMessage> errors = schema.validate(manifest);
    assertEquals(Set.of(), errors, "manifest against " + schemaFile);
    com.fasterxml.jackson.databind.node.ObjectNode broken = manifest.deepCopy();
    broken.remove("developer");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("bots").path(0)).put("botId", "x");
    assertEquals(2, schema.validate(broken).size(), "the schema really is applied: " + schema.validate(broken));
    assertTrue(Double.parseDouble(version) >= 1.22, version);
  }

  /** A line on the build's own console: the test's System.err goes to the report file. */
  private static void console(String line) {
    new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println(line);
  }

  @Test
  void theManifestHasTheToolkitPlaceholdersAndTheBotInPersonalAndTeamScope() throws Exception {
    String raw = Files.readString(MANIFEST.resolve("manifest.json"));
    assertTrue(raw.contains("\"${{TEAMS_APP_ID}}\"") && raw.contains("\"${{BOT_ID}}\""));
    JsonNode m = JSON.readTree(AppPackage.filledManifest(MANIFEST, ID, DOMAIN));
    assertEquals(ID, m.path("id").asText());
    JsonNode bot = m.path("bots").path(0);
    assertEquals(ID, bot.path("botId").asText());
    assertEquals("[\"personal\",\"team\"]", bot.path("scopes").toString());
    String commands = bot.path("commandLists").toString();
    for (String c : new String[] {"aiuto", "indietro", "ricomincia", "argomenti", "fine turno"}) {
      assertTrue(commands.contains("\"title\":\"" + c + "\""), c);
    }
  }

  @Test
  void theDashboardIsAPersonalTabWithSingleSignOnOnTheBotsDomain() throws Exception {
    String raw = Files.readString(MANIFEST.resolve("manifest.json"));
    assertTrue(raw.contains("${{BOT_DOMAIN}}"), "the Toolkit's placeholder for the public host");
    JsonNode m = JSON.readTree(AppPackage.filledManifest(MANIFEST, ID, DOMAIN));
    JsonNode tabs = m.path("staticTabs");
    assertEquals("conversations", tabs.path(0).path("entityId").asText(), "the chat stays the first tab");
    JsonNode tab = tabs.path(1);
    assertEquals("dashboard", tab.path("entityId").asText());
    assertEquals("https://" + DOMAIN + "/dashboard", tab.path("contentUrl").asText());
    assertEquals("[\"personal\"]", tab.path("scopes").toString());
    assertEquals(ID, m.path("webApplicationInfo").path("id").asText());
    assertEquals("api://" + DOMAIN + "/" + ID, m.path("webApplicationInfo").path("resource").asText());
    assertEquals("[\"" + DOMAIN + "\"]", m.path("validDomains").toString());
  }

  @Test
  void withoutADomainThePackageIsBotOnlyWithoutTheDashboardTab(@TempDir Path dir) throws Exception {
    Result r = run("--app-id", ID, "--out", dir.resolve("a.zip").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("no dashboard tab"), r.out());
    JsonNode m = JSON.readTree(AppPackage.filledManifest(MANIFEST, ID, null));
    assertEquals("[{\"entityId\":\"conversations\",\"scopes\":[\"personal\"]}]", m.path("staticTabs").toString());
    assertTrue(m.path("webApplicationInfo").isMissingNode() && m.path("validDomains").isMissingNode(), m.toString());
    assertFalse(m.toString().contains("${{"), "no placeholder is left: " + m);
    assertEquals(ID, m.path("bots").path(0).path("botId").asText());
  }

  @Test
  void packageAppRefusesAMalformedDomain(@TempDir Path dir) throws Exception {
    Result url = run("--app-id", ID, "--domain", "https://" + DOMAIN + "/x", "--out", dir.resolve("a.zip").toString());
    assertEquals(2, url.code());
    assertTrue(url.err().contains("is not a host name"), url.err());
    assertFalse(Files.exists(dir.resolve("a.zip")));
    assertTrue(AppPackage.isDomain("bot-1.westeurope.devtunnels.ms"));
    assertFalse(AppPackage.isDomain("localhost"));
  }

  @Test
  void iconsHaveTheSizesTeamsWantsAndTheOutlineIsWhiteOnTransparent() throws Exception {
    BufferedImage color = ImageIO.read(MANIFEST.resolve("color.png").toFile());
    assertEquals(192, color.getWidth());
    assertEquals(192, color.getHeight());
    BufferedImage outline = ImageIO.read(MANIFEST.resolve("outline.png").toFile());
    assertEquals(32, outline.getWidth());
    assertEquals(32, outline.getHeight());
    assertTrue(outline.getColorModel().hasAlpha());
    boolean transparent = false;
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        int argb = outline.getRGB(x, y);
        int alpha = argb >>> 24;
        if (alpha == 0) {
          transparent = true;
        } else {
          assertEquals(0xFFFFFF, argb & 0xFFFFFF, "outline pixels are white");
        }
      }
    }
    assertTrue(transparent);
  }

  @Test
  void packageAppWritesTheZipWithIdsFilledAndBothIcons(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("app.zip");
    Result r = run("--app-id", ID, "--domain", DOMAIN, "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    assertEquals(Set.of("manifest.json", "color.png", "outline.png"), entries.keySet());
    String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
    assertFalse(manifest.contains("${{"), "no placeholder left");
    assertEquals(ID, JSON.readTree(manifest).path("bots").path(0).path("botId").asText());
    try (InputStream in = new ByteArrayInputStream(entries.get("color.png"))) {
      assertEquals(192, ImageIO.read(in).getWidth());
    }
  }

  @Test
  void packageAppRefusesAMissingOrMalformedId(@TempDir Path dir) throws Exception {
    Result bad = run("--app-id", "not-a-guid", "--domain", DOMAIN, "--out", dir.resolve("a.zip").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("is not a GUID"), bad.err());
    assertFalse(Files.exists(dir.resolve("a.zip")));
    assertFalse(AppPackage.isGuid(""));
    assertFalse(AppPackage.isGuid("6f1c3c5e-8a7d-4b2e-9c1f-2d3e4f5a6b7"));
    assertTrue(AppPackage.isGuid(ID.toUpperCase()));
  }

  record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new PackageAppCommand()).execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
