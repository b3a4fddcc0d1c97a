package it.vademecum.dialog;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a JSON document, reporting syntax errors and duplicate keys as problems with a pointer. */
final class JsonDocuments {

  private JsonDocuments() {}

  /** The parsed document, or null with the problems added when it is not usable. */
  static JsonNode read(ObjectMapper json, String file, String text, List<Problem> problems) {
    try {
      duplicateKeys(json, file, text, problems);
      return json.readTree(text);
    } catch (JsonParseException e) {
      problems.add(new Problem(file, "", "JSON non valido alla riga " + e.getLocation().getLineNr()
          + ", colonna " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(file, "", "JSON non leggibile: " + e.getMessage()));
      return null;
    }
  }

  private static void duplicateKeys(ObjectMapper json, String file, String text, List<Problem> problems)
      throws IOException {
    try (JsonParser p = json.getFactory().createParser(text)) {
      Deque<Set<String>> keys = new ArrayDeque<>();
      Deque<String> path = new ArrayDeque<>();
      Deque<Integer> index = new ArrayDeque<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            enterValue(path, index);
            keys.push(t == JsonToken.START_OBJECT ? new HashSet<>() : Set.of());
            index.push(t == JsonToken.START_ARRAY ? -1 : -2);
          }
          case END_OBJECT, END_ARRAY -> {
            keys.pop();
            index.pop();
            if (!path.isEmpty() && !index.isEmpty()) {
              path.pop();
            }
          }
          case FIELD_NAME -> {
            String name = p.currentName();
            if (!keys.peek().add(name)) {
              problems.add(new Problem(file, pointer(path) + "/" + escape(name),
                  "chiave duplicata \"" + name + "\" (vale solo l'ultima)"));
            }
            path.push(escape(name));
          }
          default -> {
            enterValue(path, index);
            if (!path.isEmpty() && !index.isEmpty()) {
              path.pop();
            }
          }
        }
      }
    }
  }

  /** Inside an array, each value gets its index as the last path segment. */
  private static void enterValue(Deque<String> path, Deque<Integer> index) {
    if (!index.isEmpty() && index.peek() >= -1) {
      int next = index.pop() + 1;
      index.push(next);
      path.push(Integer.toString(next));
    }
  }

  private static String pointer(Deque<String> path) {
    List<String> parts = new ArrayList<>(path);
    java.util.Collections.reverse(parts);
    return parts.isEmpty() ? "" : "/" + String.join("/", parts);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
