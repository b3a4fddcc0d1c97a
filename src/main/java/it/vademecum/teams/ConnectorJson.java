package it.vademecum.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * The connector client's JSON without the SDK's flattening pass. The SDK's {@link JacksonAdapter}
 * wraps every bean in a {@code FlatteningSerializer} written for Azure models whose properties
 * carry dotted paths ({@code @JsonFlatten}): for each call it walks the object by reflection,
 * converts it to a tree, copies the tree and compiles two regular expressions per property name,
 * and deserializes each response through a fresh {@code JsonFactory}. No Bot Framework model uses
 * {@code @JsonFlatten}, so that work changes nothing in the JSON and was the largest single cost of
 * sending a message. This adapter keeps the SDK's own mapper settings (its "simple" mapper: field
 * visibility, non-null inclusion, java.time, byte arrays, headers) and drops only the flattening;
 * {@code ConnectorJsonTest} holds it to byte-identical output against the SDK's adapter.
 */
final class ConnectorJson extends JacksonAdapter {

  @Override
  public ObjectMapper serializer() {
    return simpleMapper();
  }
}
