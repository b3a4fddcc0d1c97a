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
}
