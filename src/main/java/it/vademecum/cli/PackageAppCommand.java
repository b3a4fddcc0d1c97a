package it.vademecum.cli;

import it.vademecum.config.TypedSettings;
import it.vademecum.teams.AppPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the Teams app package (manifest with ids filled in, and the icons). */
@Command(name = "package-app", mixinStandardHelpOptions = true,
    description = {"Write the Teams app package (zip) from manifest/.",
        "The app and bot ids come from --app-id or MicrosoftAppId; the dashboard tab's host from"
            + " --domain or BOT_DOMAIN (without one the package has no dashboard tab)."})
public final class PackageAppCommand implements Callable<Integer> {

  @Option(names = "--app-id", paramLabel = "ID", description = "The bot's Microsoft App ID (a GUID).")
  String appId;

  @Option(names = "--domain", paramLabel = "HOST",
      description = "The bot's public host name, where Teams loads the dashboard tab (default: BOT_DOMAIN).")
  String domain;

  @Option(names = "--out", paramLabel = "FILE", description = "Output zip (default: target/vademecum-teams.zip).")
  Path out = Path.of("target", "vademecum-teams.zip");

  @Option(names = "--manifest", paramLabel = "DIR", description = "Manifest folder (default: manifest).")
  Path manifest = Path.of("manifest");

  @Override
  public Integer call() {
    TypedSettings settings = TypedSettings.load();
    String id = appId != null ? appId : settings.credentials().appId();
    String host = domain != null ? domain : settings.server().botDomain().orElse("");
    if (id.isBlank()) {
      System.err.println("No app id: pass --app-id <GUID> or set MicrosoftAppId "
          + "(the bot's Microsoft App ID, from the Azure Bot resource).");
      return 2;
    }
    if (!AppPackage.isGuid(id)) {
      System.err.println("The app id '" + id + "' is not a GUID "
          + "(format: 00000000-0000-0000-0000-000000000000).");
      return 2;
    }
    if (!host.isBlank() && !AppPackage.isDomain(host)) {
      System.err.println("The domain '" + host + "' is not a host name: write only the server's name, without"
          + " https:// or a path (e.g. vademecum.example.it).");
      return 2;
    }
    try {
      AppPackage.write(manifest, id, host, out);
    } catch (IOException e) {
      System.err.println("Cannot write the package: " + e.getMessage());
      return 1;
    }
    System.out.println("Teams app package written to " + out + " (app and bot " + id.strip() + "; "
        + (host.isBlank() ? "no dashboard tab: set --domain or BOT_DOMAIN to add it"
            : "dashboard tab on https://" + host.strip() + "/dashboard") + ").");
    return 0;
  }
}
