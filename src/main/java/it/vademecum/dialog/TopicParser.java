package it.vademecum.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a schema-valid topic document into the {@link Topic} record. */
final class TopicParser {

  private TopicParser() {}

  static Topic parse(JsonNode doc) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    doc.path("nodes").properties().forEach(e -> nodes.put(e.getKey(), node(e.getKey(), e.getValue())));
    return new Topic(
        doc.path("id").asText(),
        doc.path("title").asText(),
        doc.path("group").asText(),
        doc.path("summary").asText(""),
        strings(doc.path("triggers")),
        learned(doc.path("learned")),
        strings(doc.path("signals")),
        doc.path("start").asText(),
        nodes,
        doc.hasNonNull("owner") ? doc.get("owner").asText() : null,
        date(doc.path("verified").asText("")),
        period(doc.path("reviewEvery").asText("P90D")));
  }

  private static List<String> learned(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(l -> out.add(l.path("text").asText()));
    return out;
  }

  private static Node node(String id, JsonNode n) {
    List<Source> sources = sources(n.path("source"));
    if (n.has("ask")) {
      List<Choice> choices = new ArrayList<>();
      for (JsonNode c : n.path("choices")) {
        choices.add(new Choice(c.path("label").asText(), c.path("next").asText(),
            strings(c.path("keywords")), condition(c.get("when"))));
      }
      return new Question(id, n.path("ask").asText(), n.path("hint").asText(""), choices, sources,
          local(n.path("local")));
    }
    if (n.has("check")) {
      return new Check(id, n.path("check").asText(), n.path("yes").asText(), n.path("no").asText(), sources);
    }
    List<Step.Link> links = new ArrayList<>();
    for (JsonNode l : n.path("links")) {
      links.add(new Step.Link(l.path("label").asText(), l.path("url").asText()));
    }
    List<Step.PhraseTemplate> phrases = new ArrayList<>();
    for (JsonNode p : n.path("phrases")) {
      phrases.add(new Step.PhraseTemplate(p.path("label").asText(), p.path("text").asText()));
    }
    String forward = n.hasNonNull("forward") ? n.get("forward").asText() : null;
    String reason = n.has("escalate") ? n.path("escalate").path("reason").asText() : null;
    return new Step(id, n.path("step").asText(), forward, reason, strings(n.path("notes")), links, phrases,
        sources, local(n.path("local")));
  }

  static List<Source> sources(JsonNode array) {
    List<Source> out = new ArrayList<>();
    for (JsonNode s : array) {
      JsonNode d = s.get("doubt");
      out.add(new Source(s.path("line").asInt(), s.path("quote").asText(),
          d == null ? null : new Source.Doubt(d.path("reading").asText(), d.path("decide").asText())));
    }
    return out;
  }

  static List<Local> local(JsonNode array) {
    List<Local> out = new ArrayList<>();
    for (JsonNode l : array) {
      out.add(new Local(l.path("text").asText(), l.path("owner").asText(),
          date(l.path("since").asText("")), l.path("why").asText()));
    }
    return out;
  }

  /** The ISO date, or null when absent or not a real day (the linter reports it). */
  static LocalDate date(String iso) {
    try {
      return LocalDate.parse(iso);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Period period(String iso) {
    try {
      return Period.parse(iso);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Condition condition(JsonNode w) {
    if (w == null || w.isNull()) {
      return null;
    }
    return new Condition(
        Condition.Fact.valueOf(w.path("fact").asText().replaceAll("([a-z])([A-Z])", "$1_$2")
            .toUpperCase(Locale.ROOT)),
        w.has("gt") ? w.get("gt").asDouble() : null,
        w.has("lte") ? w.get("lte").asDouble() : null,
        strings(w.path("in")),
        strings(w.path("notIn")));
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
