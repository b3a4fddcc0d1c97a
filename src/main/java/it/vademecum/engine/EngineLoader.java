package it.vademecum.engine;

import it.vademecum.dialog.Catalog;
import it.vademecum.dialog.CatalogLoader;
import it.vademecum.dialog.InvalidCatalogException;
import it.vademecum.dialog.Node;
import it.vademecum.dialog.Question;
import it.vademecum.dialog.Step;
import it.vademecum.dialog.Topic;
import it.vademecum.match.ItalianAnalysis;
import it.vademecum.match.LexicalTopicMatcher;
import it.vademecum.match.Lexicon;
import it.vademecum.match.TopicText;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds an engine from a dialogs/ folder: the catalogue, the lexicon, the matcher. */
public final class EngineLoader {

  public static final String LEXICON_FILE = "config/lexicon.json";

  private final CatalogLoader catalogs = new CatalogLoader();
  private final ItalianAnalysis analysis = new ItalianAnalysis();

  /** Loads and validates everything; throws with every problem of the tree. */
  public Engine load(Path dialogs) throws InvalidCatalogException {
    Catalog catalog = catalogs.load(dialogs);
    Path lexiconFile = dialogs.resolve(LEXICON_FILE);
    Lexicon lexicon = Files.isRegularFile(lexiconFile) ? Lexicon.load(lexiconFile) : Lexicon.empty();
    List<TopicText> texts = catalog.list().stream().map(EngineLoader::text).toList();
    return new Engine(catalog, LexicalTopicMatcher.build(texts, lexicon), analysis);
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
