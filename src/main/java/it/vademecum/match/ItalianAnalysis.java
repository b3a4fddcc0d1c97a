package it.vademecum.match;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Italian analysis on Lucene: tokenise, drop elided articles ("dell'", "l'"), lower-case, drop
 * stop words, fold accents, drop stop words written without accents ("perche", "piu"), light-stem. Thread-safe: Lucene analyzers reuse per-thread components.
 */
public final class ItalianAnalysis implements AutoCloseable {

  private static final CharArraySet ELISIONS = new CharArraySet(List.of(
      "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl",
      "negl", "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell", "po"), true);

  private final Analyzer analyzer;

  public ItalianAnalysis() {
    CharArraySet stop = new CharArraySet(ItalianAnalyzer.getDefaultStopSet(), true);
    // Agents often skip accents ("perche", "piu", "e'"): stop words are dropped again once folded.
    CharArraySet folded = new CharArraySet(stop.size(), true);
    for (Object word : stop) {
      char[] chars = (char[]) word;
      char[] out = new char[chars.length * 4];
      int len = ASCIIFoldingFilter.foldToASCII(chars, 0, out, 0, chars.length);
      folded.add(new String(out, 0, len));
    }
    this.analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new ElisionFilter(source, ELISIONS);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, stop);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, folded);
        stream = new ItalianLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** The analysed terms of a text, in order. */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("t", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
