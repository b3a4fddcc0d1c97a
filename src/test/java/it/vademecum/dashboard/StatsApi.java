package it.vademecum.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A dashboard on a real HTTP server (loopback, free port), and its JSON read back. */
final class StatsApi implements AutoCloseable {

  record Answer(int status, JsonNode json, String body) {}

  private final Javalin app;
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

  StatsApi(Dashboard dashboard) {
    app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
    dashboard.install(app);
    app.start("127.0.0.1", 0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  Answer get(String path) throws IOException {
    return get(path, null);
  }

  Answer get(String path, String authorization) throws IOException {
    Request.Builder b = new Request.Builder().url(url(path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try (Response r = http.newCall(b.build()).execute()) {
      String body = r.body() == null ? "" : r.body().string();
      JsonNode json = body.startsWith("{") || body.startsWith("[") ? Dashboard.json().readTree(body) : null;
      return new Answer(r.code(), json, body);
    }
  }

  /** A section that must answer 200. */
  JsonNode section(String name, String query) throws IOException {
    Answer a = get(Dashboard.API + name + query);
    if (a.status() != 200) {
      throw new AssertionError(name + ": HTTP " + a.status() + " " + a.body());
    }
    return a.json();
  }

  @Override
  public void close() {
    app.stop();
  }
}
