package it.vademecum.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The evaluation report as a document a knowledge editor reads: the figures, a confusion matrix
 * (expected topic per row, answered topic per column, "(none)" for no topic) and the misses by
 * topic. HTML or Markdown; pure, the caller writes the file.
 */
public final class EvaluationDocument {

  private EvaluationDocument() {}

  /** Markdown for a name ending in .md, HTML otherwise. */
  public static String render(Evaluation.Report report, String source, String fileName) {
    return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? markdown(report, source) : html(report, source);
  }

  static String markdown(Evaluation.Report r, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Topic recognition on ").append(source).append("\n\n`").append(r.summary()).append("`\n\n");
    sb.append("## Confusion matrix\n\nRows: expected topic; columns: the matcher's best topic.\n\n");
    List<String> cols = columns(r);
    sb.append("| expected \\ got |");
    cols.forEach(c -> sb.append(' ').append(c).append(" |"));
    sb.append("\n|---|");
    cols.forEach(c -> sb.append("---:|"));
    sb.append('\n');
    for (Map.Entry<String, Map<String, Integer>> row : r.confusion().entrySet()) {
      sb.append("| ").append(row.getKey()).append(" |");
      for (String c : cols) {
        Integer v = row.getValue().get(c);
        sb.append(' ').append(v == null ? "" : c.equals(row.getKey()) ? v.toString() : "**" + v + "**").append(" |");
      }
      sb.append('\n');
    }
    sb.append("\n## Misses\n\n");
    if (r.misses().isEmpty()) {
      sb.append("None.\n");
    }
    for (Evaluation.Miss m : r.misses()) {
      sb.append("- ").append(m.expected() == null ? "(no topic)" : m.expected()).append(" → ")
          .append(m.got() == null ? "(none)" : m.got()).append(" [").append(m.verdict()).append("]: ")
          .append(m.text().replace("|", "\\|").replace("\n", " ")).append('\n');
    }
    return sb.toString();
  }

  static String html(Evaluation.Report r, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Topic recognition on ")
        .append(esc(source)).append("</title>\n<style>body{font-family:sans-serif;margin:1.5em}"
            + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 4px;text-align:right}"
            + "th.r{text-align:left}th.c{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left}"
            + "td.ok{background:#d8f0d8}td.bad{background:#f6c9c9;font-weight:bold}code{background:#eee}</style>"
            + "</head><body>\n<h1>Topic recognition on ").append(esc(source)).append("</h1>\n<p><code>")
        .append(esc(r.summary())).append("</code></p>\n<h2>Confusion matrix</h2>\n"
            + "<p>Rows: expected topic; columns: the matcher's best topic.</p>\n<table><tr><th></th>");
    List<String> cols = columns(r);
    cols.forEach(c -> sb.append("<th class=\"c\">").append(esc(c)).append("</th>"));
    sb.append("</tr>\n");
    for (Map.Entry<String, Map<String, Integer>> row : r.confusion().entrySet()) {
      sb.append("<tr><th class=\"r\">").append(esc(row.getKey())).append("</th>");
      for (String c : cols) {
        Integer v = row.getValue().get(c);
        if (v == null) {
          sb.append("<td></td>");
        } else {
          sb.append("<td class=\"").append(c.equals(row.getKey()) ? "ok" : "bad").append("\">").append(v).append("</td>");
        }
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n<h2>Misses</h2>\n");
    if (r.misses().isEmpty()) {
      sb.append("<p>None.</p>\n");
    } else {
      sb.append("<table><tr><th class=\"r\">expected</th><th class=\"r\">got</th><th class=\"r\">verdict</th>"
          + "<th class=\"r\">sentence</th></tr>\n");
      for (Evaluation.Miss m : r.misses()) {
        sb.append("<tr><td>").append(esc(m.expected() == null ? "(no topic)" : m.expected())).append("</td><td>")
            .append(esc(m.got() == null ? "(none)" : m.got())).append("</td><td>").append(m.verdict())
            .append("</td><td style=\"text-align:left\">").append(esc(m.text())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static List<String> columns(Evaluation.Report r) {
    TreeSet<String> cols = new TreeSet<>(r.confusion().keySet());
    r.confusion().values().forEach(m -> cols.addAll(m.keySet()));
    List<String> out = new ArrayList<>(cols);
    if (out.remove("(none)")) {
      out.add("(none)");
    }
    return out;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
