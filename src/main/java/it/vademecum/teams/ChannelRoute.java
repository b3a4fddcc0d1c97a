package it.vademecum.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * Where to post into a team's channels: the connector's serviceUrl and the tenant, learnt from an
 * activity the bot received from that team (or, as a fallback, from any activity of the tenant).
 */
public record ChannelRoute(String serviceUrl, String tenantId, String teamId) {

  /** Reference kinds in {@link it.vademecum.escalation.References}. */
  public static final String CHANNEL = "channel";
  public static final String TENANT = "tenant";

  private static final ObjectMapper JSON = new ObjectMapper();

  public String toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("serviceUrl", serviceUrl);
    n.put("tenantId", tenantId);
    n.put("teamId", teamId);
    return n.toString();
  }

  public static Optional<ChannelRoute> fromJson(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      String url = n.path("serviceUrl").asText("");
      if (url.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new ChannelRoute(url, n.path("tenantId").asText(null), n.path("teamId").asText(null)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
