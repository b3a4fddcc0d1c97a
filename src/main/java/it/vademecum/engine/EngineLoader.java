package it.vademecum.engine;

import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import it.vademecum.dialog.Problem;
import it.vademecum.match.Example;
import it.vademecum.match.Examples;
import it.vademecum.match.ItalianAnalysis;
import it.vademecum.match.LexicalTopicMatcher;
import it.vademecum.match.Lexicon;
import it.vademecum.match.TopicText;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds an engine from a dialogs/ folder: the catalogue, the lexicon, the matcher. */
public final class EngineLoader {

  public static final String LEXICON_FILE = "config/lexicon.json";

  private final CatalogLoader catalogs = new CatalogLoader();
  private final ItalianAnalysis analysis = new ItalianAnalysis();

  /** Loads and validates everything; throws with every problem of the tree. */
  public Engine load(Path dialogs) throws InvalidCatalogException {
    return load(dialogs, Set.of());
  }

  /**
   * Loads and validates everything, training the classifier without the examples whose source's
   * file name is in {@code leftOut} (to measure a set as if it had never been seen); throws with every problem.
   */
  public Engine load(Path dialogs, Set<String> leftOut) throws InvalidCatalogException {
    Catalog catalog = catalogs.load(dialogs);
    Path lexiconFile = dialogs.resolve(LEXICON_FILE);
    Lexicon lexicon = Files.isRegularFile(lexiconFile) ? Lexicon.load(lexiconFile) : Lexicon.empty();
    List<TopicText> texts = catalog.list().stream().map(EngineLoader::text).toList();
    Examples.Parsed examples = examples(dialogs, catalog);
    if (!examples.problems().isEmpty()) {
      throw new InvalidCatalogException(problems(dialogs, examples));
    }
    List<Example> kept = examples.examples().stream().filter(e -> !leftOut.contains(fileName(e.source()))).toList();
    return new Engine(catalog, LexicalTopicMatcher.build(texts, lexicon, kept), analysis);
  }

  /** The problems of dialogs/examples.jsonl (lines that are not JSON, without text, or with an unknown topic). */
  public static List<Problem> exampleProblems(Path dialogs, Catalog catalog) {
    return problems(dialogs, examples(dialogs, catalog));
  }

  private static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  private static Examples.Parsed examples(Path dialogs, Catalog catalog) {
    return Examples.read(dialogs.resolve(Examples.FILE), catalog.list().stream().map(Topic::id).toList());
  }

  private static List<Problem> problems(Path dialogs, Examples.Parsed parsed) {
    String file = dialogs.resolve(Examples.FILE).toString();
    return parsed.problems().stream().map(p -> new Problem(file, "riga " + p.line(), p.message())).toList();
  }

  public CatalogLoader catalogLoader() {
    return catalogs;
  }

  /** What the matcher reads of a topic: title, triggers (written and learned), signals and every text of its tree. */
  static TopicText text(Topic topic) {
    List<String> body = new ArrayList<>();
    if (!topic.summary().isBlank()) {
      body.add(topic.summary());
    }
    for (Node n : topic.nodes().values()) {
      if (n instanceof Question q) {
        body.add(q.ask());
        if (!q.hint().isBlank()) {
          body.add(q.hint());
        }
        q.choices().forEach(c -> {
          body.add(c.label());
          body.addAll(c.keywords());
        });
      } else if (n instanceof Step s) {
        body.add(s.text());
        body.addAll(s.notes());
        s.phrases().forEach(p -> {
          body.add(p.label());
          body.add(p.text());
        });
        if (s.forward() != null) {
          body.add(s.forward());
        }
        if (s.escalateReason() != null) {
          body.add(s.escalateReason());
        }
        s.links().forEach(l -> body.add(host(l.url())));
      }
    }
    List<String> triggers = new ArrayList<>(topic.triggers());
    triggers.addAll(topic.learned());
    return new TopicText(topic.id(), topic.title(), triggers, topic.signals(), body);
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
