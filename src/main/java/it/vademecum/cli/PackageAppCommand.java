package it.vademecum.cli;

import it.vademecum.config.Settings;
import it.vademecum.teams.AppPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the Teams app package (manifest with ids filled in, and the icons). */
@Command(name = "package-app", mixinStandardHelpOptions = true,
    description = "Write the Teams app package (zip) from manifest/: ids from --app-id or MicrosoftAppId,"
        + " the dashboard tab's host from --domain or BOT_DOMAIN.")
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
    Settings settings = Settings.load();
    String id = appId != null ? appId : settings.get("MicrosoftAppId", "");
    String host = domain != null ? domain : settings.get("BOT_DOMAIN", "");
    if (id.isBlank()) {
      System.err.println("Manca l'ID dell'app: passa --app-id <GUID> oppure imposta MicrosoftAppId "
          + "(l'ID dell'app Microsoft del bot, dalla risorsa Azure Bot).");
      return 2;
    }
    if (!AppPackage.isGuid(id)) {
      System.err.println("L'ID dell'app «" + id + "» non è un GUID valido "
          + "(formato: 00000000-0000-0000-0000-000000000000).");
      return 2;
    }
    if (host.isBlank()) {
      System.err.println("Manca il dominio pubblico del bot: passa --domain <nome> (es. vademecum.example.it) "
          + "oppure imposta BOT_DOMAIN. Serve alla scheda «Dashboard» dei supervisori.");
      return 2;
    }
    if (!AppPackage.isDomain(host)) {
      System.err.println("Il dominio «" + host + "» non è valido: scrivi solo il nome del server, senza https:// "
          + "né percorso (es. vademecum.example.it).");
      return 2;
    }
    try {
      AppPackage.write(manifest, id, host, out);
    } catch (IOException e) {
      System.err.println("Non riesco a creare il pacchetto: " + e.getMessage());
      return 1;
    }
    System.out.println("Pacchetto Teams scritto in " + out + " (app e bot " + id.strip() + ", scheda Dashboard su https://"
        + host.strip() + "/dashboard).");
    return 0;
  }
}
