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
}
