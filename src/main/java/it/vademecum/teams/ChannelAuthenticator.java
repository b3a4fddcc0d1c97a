package it.vademecum.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.EmulatorValidation;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import com.microsoft.bot.schema.Activity;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Checks the Bot Framework's token on a request, as the SDK's channel validation does, but with
 * the signing keys of {@link OpenIdKeys} (fetched in the background, with timeouts) instead of the
 * SDK's blocking cache. Tokens the Emulator's issuers sign (Entra ID, for the Bot Framework
 * Emulator and for skills) are refused: Teams never sends them.
 */
final class ChannelAuthenticator implements AutoCloseable {

  /** "Bearer" and three base64url parts: anything else is refused before the body is read. */
  private static final Pattern BEARER = Pattern.compile("(?i)Bearer [A-Za-z0-9_-]{1,4096}\\.[A-Za-z0-9_-]{1,8192}"
      + "\\.[A-Za-z0-9_-]{1,4096}");

  /** The keys are not at hand yet (or no longer fetchable from the start): the caller answers 503. */
  static final class KeysUnavailable extends RuntimeException {
    KeysUnavailable() {
      super("OpenID signing keys not fetched yet", null, false, false);
    }
  }

  private final CredentialProvider credentials;
  private final AuthenticationConfiguration config = new AuthenticationConfiguration();
  private final OpenIdKeys keys;

  ChannelAuthenticator(CredentialProvider credentials, OpenIdKeys keys) {
    this.credentials = credentials;
    this.keys = keys;
  }

  /** With the Bot Framework's metadata URL (as the SDK has it now) and 5 s timeouts. */
  static ChannelAuthenticator start(CredentialProvider credentials) {
    return new ChannelAuthenticator(credentials,
        new OpenIdKeys(ChannelValidation.getOpenIdMetaDataUrl(), Duration.ofSeconds(5), System::nanoTime).start());
  }

  /** Whether an Authorization header can be a bearer token at all (checked before the body is read). */
  static boolean wellFormed(String authorization) {
    return authorization != null && BEARER.matcher(authorization).matches();
  }

  boolean ready() {
    return keys.ready();
  }

  OpenIdKeys keys() {
    return keys;
  }

  CompletableFuture<ClaimsIdentity> authenticate(Activity activity, String authorization) {
    if (EmulatorValidation.isTokenFromEmulator(authorization)) {
      // Teams never sends one; the SDK would check it with its blocking, unbounded metadata cache,
      // and never binds the activity's serviceUrl to it.
      return CompletableFuture.failedFuture(new AuthenticationException("Emulator tokens are not accepted"));
    }
    if (!keys.ready()) {
      return CompletableFuture.failedFuture(new KeysUnavailable());
    }
    TokenValidationParameters params = ChannelValidation.getTokenValidationParameters();
    params.issuerSigningKeyResolver = keys;
    return new JwtTokenExtractor(params, "vademecum-openid", AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS)
        .getIdentity(authorization, activity.getChannelId(), config.requiredEndorsements())
        .thenCompose(identity -> {
          if (identity == null) {
            throw new AuthenticationException("Invalid Identity");
          }
          if (!identity.isAuthenticated()) {
            throw new AuthenticationException("Token Not Authenticated");
          }
          if (!AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equalsIgnoreCase(identity.getIssuer())) {
            throw new AuthenticationException("Wrong Issuer");
          }
          String audience = identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM);
          if (audience == null || audience.isEmpty()) {
            throw new AuthenticationException("No Audience Claim");
          }
          return credentials.isValidAppId(audience).thenApply(valid -> {
            if (!valid) {
              throw new AuthenticationException("Invalid AppId passed on token");
            }
            String serviceUrl = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
            if (serviceUrl == null || !serviceUrl.equalsIgnoreCase(activity.getServiceUrl())) {
              throw new AuthenticationException("serviceurl claim missing or not the activity's");
            }
            return identity;
          });
        });
  }

  @Override
  public void close() {
    keys.close();
  }
}
