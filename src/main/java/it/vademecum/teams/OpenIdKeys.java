package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.OpenIdMetadata;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import com.microsoft.bot.connector.authentication.OpenIdMetadataResolver;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's signing keys, fetched from its OpenID metadata off the request path: the
 * SDK's own cache fetches on a request thread, without a timeout, under one global lock, and does
 * not remember failures. Here a background thread fetches with connect and read timeouts, keeps
 * the last good keys when a refresh fails, retries with a growing pause, and logs one line when a
 * streak of failures starts and one when it ends. A token signed with a key id not in the set asks
 * for a refresh, at most once every {@link #MIN_ON_DEMAND}.
 */
final class OpenIdKeys implements OpenIdMetadataResolver, OpenIdMetadata, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OpenIdKeys.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How often the keys are fetched again when all goes well. */
  static final Duration REFRESH = Duration.ofHours(12);
  /** The first pause after a failure; it doubles up to {@link #MAX_RETRY}. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  static final Duration MAX_RETRY = Duration.ofMinutes(5);
  /** An unknown key id triggers a refresh at most this often. */
  static final Duration MIN_ON_DEMAND = Duration.ofMinutes(5);

  private final String metadataUrl;
  private final OkHttpClient http;
  private final LongSupplier nanos;
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "openid-keys");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean fetching = new AtomicBoolean();
  private final CountDownLatch first = new CountDownLatch(1);
  private volatile Map<String, OpenIdMetadataKey> keys = Map.of();
  private volatile long lastAttempt;
  private int failures;

  /**
   * @param timeout the bound of each connection, read and whole call
   */
  OpenIdKeys(String metadataUrl, Duration timeout, LongSupplier nanos) {
    this.metadataUrl = metadataUrl;
    this.nanos = nanos;
    this.lastAttempt = nanos.getAsLong() - MIN_ON_DEMAND.toNanos() - 1;
    this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
        .callTimeout(timeout.multipliedBy(2)).followRedirects(false).build();
  }

  /** Starts fetching now, in the background. */
  OpenIdKeys start() {
    refresher.execute(this::refresh);
    return this;
  }

  /** Whether a set of keys is at hand (false until the first fetch succeeds). */
  boolean ready() {
    return !keys.isEmpty();
  }

  /** Waits until the first set of keys is at hand; false when the bound passed first. */
  boolean awaitReady(Duration bound) throws InterruptedException {
    return first.await(bound.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Failed fetches in a row, 0 when the last one worked. */
  synchronized int failures() {
    return failures;
  }

  @Override
  public OpenIdMetadata get(String url) {
    return this;
  }

  @Override
  public OpenIdMetadataKey getKey(String keyId) {
    OpenIdMetadataKey key = keyId == null ? null : keys.get(keyId);
    if (key == null && nanos.getAsLong() - lastAttempt > MIN_ON_DEMAND.toNanos() && !fetching.get()) {
      try {
        refresher.execute(this::refreshOnDemand);
      } catch (RejectedExecutionException e) {
        // closed meanwhile: the token is refused, which it would be anyway
      }
    }
    return key;
  }

  /** A fetch now, on the background thread; completes with whether it worked. */
  Future<Boolean> refreshNow() {
    return refresher.submit(this::fetch);
  }

  private void refreshOnDemand() {
    if (nanos.getAsLong() - lastAttempt > MIN_ON_DEMAND.toNanos()) {
      fetch();
    }
  }

  /** One fetch, then the next one scheduled: later when it worked, sooner when it failed. */
  private void refresh() {
    boolean ok = fetch();
    Duration next;
    synchronized (this) {
      next = ok ? REFRESH : backoff(failures);
    }
    try {
      refresher.schedule(this::refresh, next.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  static Duration backoff(int failures) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  private boolean fetch() {
    if (!fetching.compareAndSet(false, true)) {
      return false;
    }
    lastAttempt = nanos.getAsLong();
    try {
      JsonNode metadata = getJson(metadataUrl);
      String jwksUri = metadata.path("jwks_uri").asText("");
      if (jwksUri.isBlank()) {
        throw new IOException("no jwks_uri in the OpenID metadata");
      }
      Map<String, OpenIdMetadataKey> fetched = parse(getJson(jwksUri));
      if (fetched.isEmpty()) {
        throw new IOException("no RSA signing keys in " + jwksUri);
      }
      keys = Map.copyOf(fetched);
      first.countDown();
      synchronized (this) {
        if (failures > 0) {
          LOG.info("OpenID signing keys fetched again after {} failed attempt(s): {} keys", failures, fetched.size());
        }
        failures = 0;
      }
      return true;
    } catch (IOException | RuntimeException | GeneralSecurityException e) {
      synchronized (this) {
        if (failures == 0) {
          LOG.warn("OpenID signing keys not fetched from {} ({}: {}); {}", metadataUrl, e.getClass().getSimpleName(),
              e.getMessage(), keys.isEmpty() ? "tokens cannot be checked until a retry works"
                  : "the last keys fetched stay in use; retrying quietly");
        }
        failures++;
      }
      return false;
    } finally {
      fetching.set(false);
    }
  }

  private JsonNode getJson(String url) throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
      if (!r.isSuccessful() || r.body() == null) {
        throw new IOException("HTTP " + r.code() + " from " + url);
      }
      return JSON.readTree(r.body().byteStream());
    }
  }

  /** The JWKS document's RSA keys by key id, with their endorsements and certificate chain. */
  static Map<String, OpenIdMetadataKey> parse(JsonNode jwks) throws GeneralSecurityException {
    Map<String, OpenIdMetadataKey> out = new HashMap<>();
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    for (JsonNode k : jwks.path("keys")) {
      if (!"RSA".equals(k.path("kty").asText()) || !k.path("kid").isTextual() || !k.path("n").isTextual()
          || !k.path("e").isTextual()) {
        continue;
      }
      OpenIdMetadataKey key = new OpenIdMetadataKey();
      key.key = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(
          new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText())),
          new BigInteger(1, Base64.getUrlDecoder().decode(k.path("e").asText()))));
      key.endorsements = k.has("endorsements") ? strings(k.path("endorsements")) : null;
      key.certificateChain = k.has("x5c") ? strings(k.path("x5c")) : null;
      out.put(k.path("kid").asText(), key);
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
