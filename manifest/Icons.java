// Regenerates color.png and outline.png: java manifest/Icons.java manifest
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class Icons {
  public static void main(String[] a) throws Exception {
    String dir = a[0];
    BufferedImage color = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = color.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0x1B, 0x5E, 0x9E));
    g.fillRect(0, 0, 192, 192);
    drawMark(g, 192, Color.WHITE);
    g.dispose();
    ImageIO.write(color, "png", new File(dir, "color.png"));
    BufferedImage outline = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
    g = outline.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setComposite(AlphaComposite.Clear);
    g.fillRect(0, 0, 32, 32);
    g.setComposite(AlphaComposite.SrcOver);
    drawMark(g, 32, Color.WHITE);
    g.dispose();
    ImageIO.write(outline, "png", new File(dir, "outline.png"));
  }

  /** An open book with a check mark: the "vademecum". */
  static void drawMark(Graphics2D g, int size, Color c) {
    double s = size / 32.0;
    g.setColor(c);
    g.setStroke(new BasicStroke((float) (2.2 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D book = new Path2D.Double();
    book.moveTo(16 * s, 9 * s);
    book.curveTo(12 * s, 6.5 * s, 7 * s, 6.5 * s, 4 * s, 8 * s);
    book.lineTo(4 * s, 25 * s);
    book.curveTo(7 * s, 23.5 * s, 12 * s, 23.5 * s, 16 * s, 26 * s);
    book.curveTo(20 * s, 23.5 * s, 25 * s, 23.5 * s, 28 * s, 25 * s);
    book.lineTo(28 * s, 8 * s);
    book.curveTo(25 * s, 6.5 * s, 20 * s, 6.5 * s, 16 * s, 9 * s);
    book.closePath();
    g.draw(book);
    g.draw(new Line2D.Double(16 * s, 9 * s, 16 * s, 26 * s));
    Path2D check = new Path2D.Double();
    check.moveTo(19 * s, 15.5 * s);
    check.lineTo(21.5 * s, 18 * s);
    check.lineTo(25.5 * s, 12.5 * s);
    g.draw(check);
  }
}
