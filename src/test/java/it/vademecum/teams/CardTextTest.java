package it.vademecum.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CardTextTest {

  @Test
  void linksLoseTheirTargetSyntax() {
    assertEquals("[clicca] (http://evil.example)", CardText.plain("[clicca](http://evil.example)"));
    assertEquals("[a] (b) [c] (d)", CardText.plain("[a]  (b) [c](d)"));
  }

  @Test
  void tagsMentionsAndAutolinksBecomeLookAlikes() {
    assertEquals("‹at›Capo‹/at› ‹script›x‹/script› ‹http://evil.example›",
        CardText.plain("<at>Capo</at> <script>x</script> <http://evil.example>"));
  }

  @Test
  void lineBreaksCannotStartListsHeadingsOrQuotes() {
    assertEquals("nota - uno # due ›tre", CardText.plain("nota\n- uno\r\n# due\n>tre"));
  }

  @Test
  void invisibleAndControlCharactersAreDropped() {
    assertEquals("abc", CardText.plain("a\u0000b\u202E\u200Bc\uFEFF"));
  }

  @Test
  void ordinaryTextQueueNamesAndAccentsStayAsTheyAre() {
    String s = "Inoltra a pagamenti_billing_aruba: più di 72 ore, 500 € → sì (ticket #1234567)";
    assertEquals(s, CardText.plain(s));
    assertEquals("", CardText.plain(null));
  }

  @Test
  void longTextsAreCappedWithoutSplittingASurrogatePair() {
    String t = CardText.plain("😀".repeat(CardText.MAX));
    assertTrue(t.length() <= CardText.MAX + 1, "length " + t.length());
    assertTrue(t.endsWith("…"));
    assertFalse(Character.isHighSurrogate(t.charAt(t.length() - 2)));
  }

  @Test
  void aLeadingBlockMarkerCannotStartAListHeadingRuleFenceOrCodeBlock() {
    assertEquals("-\u00A0uno", CardText.plain("- uno"));
    assertEquals("12.\u00A0dodici", CardText.plain("12. dodici"));
    assertEquals("3)\u00A0tre", CardText.plain("3) tre"));
    assertEquals("＃＃ Titolo", CardText.plain("## Titolo"));
    assertEquals("‐‐‐", CardText.plain("---"));
    assertEquals("ˋˋˋjs", CardText.plain("```js"));
    assertEquals("codice", CardText.plain("    codice"));
    assertEquals("#1234567", CardText.plain("#1234567"), "a ticket number with # is no heading");
  }

  @Test
  void mentionsAreDefusedInAnyLetterCase() {
    assertEquals("‹AT›everyone‹/AT› ‹At›x‹/aT›", CardText.plain("<AT>everyone</AT> <At>x</aT>"));
  }

  @Test
  void theOnePassCheckNeverSkipsARuleThatWouldChangeTheText() {
    // Random texts over the characters every rule reacts to, plus ordinary ones: whenever the
    // quick check lets a text through unchanged, applying every rule leaves it unchanged too.
    String alphabet = "ab Zè€_*-+#`~0123456789.)]([<>\n\r\t\u2028\u2029\u0085\u0000\u200B\u202E\uFEFF\uE000\u0378"
        + "\uD83D\uDE00 ";
    java.util.Random random = new java.util.Random(15);
    int plainSeen = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = 1 + random.nextInt(8);
      for (int j = 0; j < length; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      if (CardText.alreadyPlain(text)) {
        plainSeen++;
        assertEquals(text, CardText.rewritten(text), () -> "changed by the rules: " + escape(text));
      }
    }
    assertTrue(plainSeen > 1_000, "the quick check let too few texts through to prove anything: " + plainSeen);
    String dialogText = "Controlla in Area Clienti se il pagamento risulta registrato: più di 72 ore lavorative?";
    assertTrue(CardText.alreadyPlain(dialogText));
    assertFalse(CardText.alreadyPlain("x".repeat(CardText.MAX + 1)));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
