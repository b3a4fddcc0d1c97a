package it.vademecum.shift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Problem;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the shift rules live in dialogs/, read from {@code config/shift.json}: the step of the
 * shift-end topic that is the whole table, and the break's topic, step and length. The rules
 * themselves are the texts of those steps; nothing of them is in the code.
 *
 * @param shiftEndTopic the topic of the shift-end rules
 * @param tableStep its step listing every ticket state
 * @param breakTopic the topic of the 626 break
 * @param breakStep its step stating the rule
 * @param breakMinutes how long a break lasts
 */
public record ShiftRules(String shiftEndTopic, String tableStep, String breakTopic, String breakStep,
    int breakMinutes) {

  public static final String FILE = "config/shift.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  public Duration breakLength() {
    return Duration.ofMinutes(breakMinutes);
  }

  /** Reads and checks config/shift.json against the schema and the catalogue it names steps of. */
  public static ShiftRules load(Path dialogs, Catalog catalog) throws InvalidCatalogException {
    List<Problem> problems = new ArrayList<>();
    String name = display(dialogs);
    Path file = dialogs.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new InvalidCatalogException(List.of(new Problem(name, "",
          "file mancante: servono la tabella di fine turno e la durata della pausa")));
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new InvalidCatalogException(List.of(new Problem(name, "", "JSON non valido alla riga "
          + e.getLocation().getLineNr() + ", colonna " + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new InvalidCatalogException(List.of(new Problem(name, "", "file non leggibile (UTF-8): "
          + e.getMessage())));
    }
    for (ValidationMessage m : SCHEMA.validate(doc)) {
      String pointer = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
      String message = m.getMessage();
      int colon = message.indexOf(": ");
      if (colon > 0 && message.startsWith(pointer)) {
        message = message.substring(colon + 2);
      }
      problems.add(new Problem(name, pointer, message));
    }
    if (!problems.isEmpty()) {
      throw new InvalidCatalogException(problems.stream().distinct().toList());
    }
    ShiftRules rules = new ShiftRules(doc.at("/shiftEnd/topic").asText(), doc.at("/shiftEnd/table").asText(),
        doc.at("/break/topic").asText(), doc.at("/break/step").asText(), doc.at("/break/minutes").asInt());
    Optional<Step> table = step(catalog, rules.shiftEndTopic, rules.tableStep, name, "/shiftEnd", problems);
    Optional<Step> pause = step(catalog, rules.breakTopic, rules.breakStep, name, "/break", problems);
    if (pause.isPresent() && !pause.get().text().toLowerCase(Locale.ROOT)
        .contains(rules.breakMinutes + " minuti")) {
      problems.add(new Problem(name, "/break/minutes", "il passo «" + rules.breakTopic + "/" + rules.breakStep
          + "» non dice «" + rules.breakMinutes + " minuti»: la durata del promemoria e la regola devono coincidere"));
    }
    if (table.isPresent() && table.get().notes().isEmpty()) {
      problems.add(new Problem(name, "/shiftEnd/table", "il passo «" + rules.shiftEndTopic + "/"
          + rules.tableStep + "» non ha note: la tabella elenca gli stati nelle note"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidCatalogException(problems);
    }
    return rules;
  }

  private static Optional<Step> step(Catalog catalog, String topicId, String stepId, String file, String at,
      List<Problem> problems) {
    Optional<Topic> topic = catalog.topic(topicId);
    if (topic.isEmpty()) {
      problems.add(new Problem(file, at + "/topic", "l'argomento «" + topicId + "» non esiste"));
      return Optional.empty();
    }
    Node node = topic.get().node(stepId);
    if (!(node instanceof Step s)) {
      String field = at.equals("/shiftEnd") ? "/table" : "/step";
      problems.add(new Problem(file, at + field, node == null
          ? "il nodo «" + stepId + "» non esiste nell'argomento «" + topicId + "»"
          : "il nodo «" + stepId + "» dell'argomento «" + topicId + "» è una domanda, non un passo"));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static String display(Path dir) {
    String d = dir.toString();
    return (d.isEmpty() || d.equals(".") ? "" : d.endsWith("/") ? d : d + "/") + FILE;
  }

  private static JsonSchema schema() {
    try (InputStream in = ShiftRules.class.getResourceAsStream("/schema/config/shift.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource /schema/config/shift.schema.json");
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER).locale(Locale.ITALIAN).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
