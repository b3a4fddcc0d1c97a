package it.vademecum.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page and the files it loads, all from the jar: the page itself, its script and style, Chart.js
 * (from its WebJar) and the Teams JavaScript client library (vendored with its licence).
 */
final class DashboardPage {

  /** Inside the Chart.js WebJar; its version is the pom's. */
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
  static final String TEAMS_JS = "dashboard/vendor/teams-js/MicrosoftTeams.min.js";

  private record Asset(String resource, String type) {}

  private static final Map<String, Asset> ASSETS = Map.of(
      "dashboard.js", new Asset("dashboard/dashboard.js", "text/javascript; charset=utf-8"),
      "dashboard.css", new Asset("dashboard/dashboard.css", "text/css; charset=utf-8"),
      "chart.umd.js", new Asset(CHART_JS, "text/javascript; charset=utf-8"),
      "teams.min.js", new Asset(TEAMS_JS, "text/javascript; charset=utf-8"));

  /**
   * The page may be framed by Teams (web, desktop, Outlook and Microsoft 365 hosts) and runs only
   * its own files; the Teams library reads its list of valid host domains from Microsoft's CDN.
   */
  static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
      + " connect-src 'self' https://res.cdn.office.net; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com"
      + " https://*.teams.microsoft.us https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft";

  private final boolean localMode;
  private final DashboardAccess access;
  private final String index;
  private final String refusal;

  DashboardPage(DashboardAccess access) {
    this.access = access;
    this.localMode = access.localMode();
    this.index = text("dashboard/index.html").replace("{{AUTH}}", localMode ? "local" : "teams");
    this.refusal = text("dashboard/refusal.html");
  }

  void serve(Context ctx) {
    headers(ctx);
    if (localMode) {
      Optional<DashboardAccess.Refusal> refused = access.check(ctx.req().getRemoteAddr(), null);
      if (refused.isPresent()) {
        ctx.status(refused.get().status()).contentType("text/html; charset=utf-8")
            .result(refusal.replace("{{MESSAGE}}", escape(refused.get().message())));
        return;
      }
    }
    ctx.contentType("text/html; charset=utf-8").result(index);
  }

  void asset(Context ctx) {
    Asset a = ASSETS.get(ctx.pathParam("name"));
    InputStream in = a == null ? null : DashboardPage.class.getClassLoader().getResourceAsStream(a.resource());
    if (in == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("Non trovato.");
      return;
    }
    ctx.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "max-age=3600");
    ctx.contentType(a.type()).result(in);
  }

  private static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String text(String resource) {
    try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
