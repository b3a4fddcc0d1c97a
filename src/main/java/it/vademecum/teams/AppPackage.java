package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The Teams app package: manifest/manifest.json with the ids filled in, and the two icons. */
public final class AppPackage {

  public static final String TEAMS_APP_ID = "${{TEAMS_APP_ID}}";
  public static final String BOT_ID = "${{BOT_ID}}";
  /** The bot's public host name, where Teams loads the dashboard tab from (https). */
  public static final String BOT_DOMAIN = "${{BOT_DOMAIN}}";
  private static final String DASHBOARD_TAB = "dashboard";
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final List<String> ICONS = List.of("color.png", "outline.png");
  private static final Pattern GUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  /** A host name (optionally with a port), without scheme or path: what Teams wants in validDomains. */
  private static final Pattern DOMAIN = Pattern.compile(
      "^(?=.{1,253}(:|$))([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(:[0-9]{1,5})?$");

  private AppPackage() {}

  public static boolean isGuid(String s) {
    return s != null && GUID.matcher(s.strip()).matches();
  }

  /** Whether {@code s} is a public host name such as {@code vademecum.example.it}. */
  public static boolean isDomain(String s) {
    return s != null && DOMAIN.matcher(s.strip()).matches();
  }

  /**
   * The manifest text with both ids set to the bot's Microsoft App id (one id for the app and the
   * bot, as the Teams Developer Portal does for a bot-only app) and the bot's public host name,
   * where the dashboard tab and its single sign-on resource live. With no host name ({@code null}
   * or blank) the dashboard tab, its sign-on resource and the valid domains are left out: a bot-only
   * package.
   */
  public static String filledManifest(Path manifestDir, String appId, String domain) throws IOException {
    if (!isGuid(appId)) {
      throw new IllegalArgumentException("not a GUID: " + appId);
    }
    boolean withTab = domain != null && !domain.isBlank();
    if (withTab && !isDomain(domain)) {
      throw new IllegalArgumentException("not a host name: " + domain);
    }
    String id = appId.strip().toLowerCase(Locale.ROOT);
    String text = Files.readString(manifestDir.resolve("manifest.json"), StandardCharsets.UTF_8);
    if (!withTab) {
      text = withoutDashboard(text);
    }
    text = text.replace(TEAMS_APP_ID, id).replace(BOT_ID, id);
    return withTab ? text.replace(BOT_DOMAIN, domain.strip().toLowerCase(Locale.ROOT)) : text;
  }

  private static String withoutDashboard(String manifest) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(manifest);
    JsonNode tabs = root.path("staticTabs");
    if (tabs instanceof ArrayNode list) {
      for (int i = list.size() - 1; i >= 0; i--) {
        if (DASHBOARD_TAB.equals(list.get(i).path("entityId").asText())) {
          list.remove(i);
        }
      }
    }
    root.remove("webApplicationInfo");
    root.remove("validDomains");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** Writes the zip: manifest.json and the icons at its root, as Teams wants them. */
  public static void write(Path manifestDir, String appId, String domain, Path out) throws IOException {
    String manifest = filledManifest(manifestDir, appId, domain);
    for (String icon : ICONS) {
      if (!Files.isRegularFile(manifestDir.resolve(icon))) {
        throw new IOException("missing " + manifestDir.resolve(icon));
      }
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (String icon : ICONS) {
        zip.putNextEntry(new ZipEntry(icon));
        zip.write(Files.readAllBytes(manifestDir.resolve(icon)));
        zip.closeEntry();
      }
    }
  }
}
