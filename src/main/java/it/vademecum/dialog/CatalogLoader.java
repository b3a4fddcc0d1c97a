package it.vademecum.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import it.vademecum.hours.BusinessCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads dialogs/: every topic file is validated against the schema, parsed and linted; the calendar
 * in config/ likewise. All problems are collected; a catalogue is returned only when there are none.
 */
public final class CatalogLoader {

  public static final String CALENDAR_FILE = "config/calendar.json";
  private static final Set<String> NOT_TOPICS = Set.of("schema.json");

  private final ObjectMapper json = new ObjectMapper();
  private final JsonSchema topicSchema;
  private final JsonSchema calendarSchema;

  public CatalogLoader() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER).locale(java.util.Locale.ITALIAN).build();
    this.topicSchema = factory.getSchema(resource("/schema/schema.json"), InputFormat.JSON, config);
    this.calendarSchema = factory.getSchema(resource("/schema/config/calendar.schema.json"), InputFormat.JSON, config);
  }

  private static String resource(String name) {
    try (InputStream in = CatalogLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the catalogue, or throws with every problem found. */
  public Catalog load(Path dir) throws InvalidCatalogException {
    List<Problem> problems = new ArrayList<>();
    Map<String, Topic> topics = new TreeMap<>();
    MessageDigest digest = sha256();
    List<Path> files = topicFiles(dir, problems);
    Notes notes = notes(dir, digest, problems);
    for (Path f : files) {
      String name = display(dir, f.getFileName().toString());
      String text = read(f, name, problems);
      if (text == null) {
        continue;
      }
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      Topic topic = topic(name, stripJson(f), text, notes, problems);
      if (topic != null) {
        topics.put(topic.id(), topic);
      }
    }
    List<Local> calendarRules = new ArrayList<>();
    BusinessCalendar calendar = calendar(dir, digest, calendarRules, problems);
    if (!problems.isEmpty()) {
      problems.sort(null);
      throw new InvalidCatalogException(problems);
    }
    String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    return new Catalog(new LinkedHashMap<>(topics), calendar, notes, calendarRules, version);
  }

  /** Every problem of the tree; empty when it is clean. */
  public List<Problem> lint(Path dir) {
    try {
      load(dir);
      return List.of();
    } catch (InvalidCatalogException e) {
      return e.problems();
    }
  }

  /** The notes every source quotes; an empty text when the file is missing (reported). */
  private static Notes notes(Path dir, MessageDigest digest, List<Problem> problems) {
    Path f = dir.resolve(Notes.FILE);
    String name = display(dir, Notes.FILE);
    if (!Files.isRegularFile(f)) {
      problems.add(new Problem(name, "", "file mancante: servono le note da cui vengono le risposte"));
      return Notes.of("");
    }
    String text = read(f, name, problems);
    if (text == null) {
      return Notes.of("");
    }
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    return Notes.of(text);
  }

  private Topic topic(String file, String expectedId, String text, Notes notes, List<Problem> problems) {
    JsonNode doc = JsonDocuments.read(json, file, text, problems);
    if (doc == null) {
      return null;
    }
    List<Problem> schemaProblems = validate(topicSchema, file, doc);
    if (!schemaProblems.isEmpty()) {
      problems.addAll(schemaProblems);
      return null;
    }
    Topic topic = TopicParser.parse(doc);
    problems.addAll(Linter.lint(file, expectedId, topic, notes));
    return topic;
  }

  private BusinessCalendar calendar(Path dir, MessageDigest digest, List<Local> rules, List<Problem> problems) {
    Path f = dir.resolve(CALENDAR_FILE);
    String name = display(dir, CALENDAR_FILE);
    if (!Files.isRegularFile(f)) {
      problems.add(new Problem(name, "", "file mancante: servono gli orari del secondo livello e le festività"));
      return null;
    }
    String text = read(f, name, problems);
    if (text == null) {
      return null;
    }
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    JsonNode doc = JsonDocuments.read(json, name, text, problems);
    if (doc == null) {
      return null;
    }
    List<Problem> schemaProblems = validate(calendarSchema, name, doc);
    if (!schemaProblems.isEmpty()) {
      problems.addAll(schemaProblems);
      return null;
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(doc.path("timezone").asText());
    } catch (RuntimeException e) {
      problems.add(new Problem(name, "/timezone", "fuso orario sconosciuto \"" + doc.path("timezone").asText() + "\""));
      return null;
    }
    List<BusinessCalendar.Slot> slots = new ArrayList<>();
    JsonNode hours = doc.path("secondLevel").path("hours");
    for (int i = 0; i < hours.size(); i++) {
      LocalTime from = LocalTime.parse(hours.get(i).path("from").asText());
      LocalTime to = LocalTime.parse(hours.get(i).path("to").asText());
      if (!from.isBefore(to)) {
        problems.add(new Problem(name, "/secondLevel/hours/" + i, "l'orario di inizio deve precedere quello di fine"));
      }
      slots.add(new BusinessCalendar.Slot(from, to));
    }
    Map<MonthDay, String> fixed = new HashMap<>();
    JsonNode holidays = doc.path("holidays").path("fixed");
    for (int i = 0; i < holidays.size(); i++) {
      String date = holidays.get(i).path("date").asText();
      try {
        fixed.put(MonthDay.parse("--" + date), holidays.get(i).path("name").asText());
      } catch (RuntimeException e) {
        problems.add(new Problem(name, "/holidays/fixed/" + i + "/date", "data inesistente \"" + date + "\""));
      }
    }
    Set<DayOfWeek> days = TopicParser.strings(doc.path("secondLevel").path("days")).stream()
        .map(DayOfWeek::valueOf).collect(Collectors.toSet());
    JsonNode greeting = doc.path("greeting");
    JsonNode easter = doc.path("holidays").path("easterMonday");
    JsonNode working = doc.path("workingHours");
    Set<DayOfWeek> workingDays = TopicParser.strings(working.path("days")).stream()
        .map(DayOfWeek::valueOf).collect(Collectors.toSet());
    calendarRule(name, "/greeting/local", greeting.path("local"),
        "Il saluto è «" + greeting.path("evening").asText() + "» dalle " + greeting.path("eveningFrom").asText()
            + ", prima «" + greeting.path("morning").asText() + "».", rules, problems);
    calendarRule(name, "/workingHours/local", working.path("local"), working.path("definition").asText(), rules,
        problems);
    calendarRule(name, "/holidays/local", doc.path("holidays").path("local"),
        "Le festività nazionali chiudono il secondo livello e non contano come ore lavorative.", rules, problems);
    return new BusinessCalendar(zone, greeting.path("morning").asText(), greeting.path("evening").asText(),
        LocalTime.parse(greeting.path("eveningFrom").asText()), days, slots, fixed,
        easter.isMissingNode() ? Optional.empty() : Optional.of(easter.path("name").asText()),
        workingDays, working.path("definition").asText());
  }

  private static void calendarRule(String file, String pointer, JsonNode local, String text, List<Local> rules,
      List<Problem> problems) {
    if (local.isMissingNode()) {
      return;
    }
    java.time.LocalDate since = TopicParser.date(local.path("since").asText());
    if (since == null) {
      problems.add(new Problem(file, pointer + "/since", "data inesistente \"" + local.path("since").asText() + "\""));
      return;
    }
    rules.add(new Local(text, local.path("owner").asText(), since, local.path("why").asText()));
  }

  private static List<Problem> validate(JsonSchema schema, String file, JsonNode doc) {
    List<Problem> out = new ArrayList<>();
    for (ValidationMessage m : schema.validate(doc)) {
      String pointer = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
      String message = m.getMessage();
      int colon = message.indexOf(": ");
      if (colon > 0 && message.startsWith(pointer)) {
        message = message.substring(colon + 2);
      }
      out.add(new Problem(file, pointer, message));
    }
    return out.stream().distinct().toList();
  }

  private static List<Path> topicFiles(Path dir, List<Problem> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(new Problem(dir.toString(), "", "la cartella dei dialoghi non esiste"));
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !NOT_TOPICS.contains(p.getFileName().toString()))
          .filter(Files::isRegularFile)
          .sorted().toList();
      if (files.isEmpty()) {
        problems.add(new Problem(dir.toString(), "", "nessun argomento (*.json) nella cartella"));
      }
      return files;
    } catch (IOException e) {
      problems.add(new Problem(dir.toString(), "", "cartella non leggibile: " + e.getMessage()));
      return List.of();
    }
  }

  private static String read(Path f, String name, List<Problem> problems) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(new Problem(name, "", "file non leggibile (UTF-8): " + e.getMessage()));
      return null;
    }
  }

  private static String display(Path dir, String file) {
    String d = dir.toString();
    return (d.isEmpty() || d.equals(".") ? "" : d.endsWith("/") ? d : d + "/") + file;
  }

  private static String stripJson(Path f) {
    String n = f.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
