package it.vademecum.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.vademecum.engine.Knowledge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MermaidRendererTest {

  @Test
  void drawsQuestionsChoicesChecksAndSteps() {
    String chart = MermaidRenderer.render(Knowledge.engine().catalog().topic("ticket-sollecito").orElseThrow());
    assertTrue(chart.startsWith("flowchart TD\n"));
    assertTrue(chart.contains("n_gruppo{\"Quale gruppo ha in carico il ticket?<br/><small>fonte: r. 26, 31, 32, 33, 35</small>\"}"),
        chart);
    assertTrue(chart.contains("n_orario_secondo_livello -->|sì| n_conference"), chart);
    assertTrue(chart.contains("⚠ scala al TL"), chart);
  }

  @Test
  void committedTopicsPageIsUpToDateWithDialogs() throws IOException {
    Path page = Knowledge.DIALOGS.resolveSibling("docs").resolve("topics.md");
    String expected = MermaidRenderer.renderAll(Knowledge.engine().catalog().list());
    assertEquals(expected, Files.readString(page, StandardCharsets.UTF_8),
        "docs/topics.md is stale: run java -jar target/vademecum.jar render --all");
  }
}
