package org.segmentlab.reports.deck;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTShape;

/**
 * Fills a text shape with paragraphs in the deck's one font, at a size chosen by {@link FittedText}: no insets, no
 * autofit, top-anchored, so the text sits exactly in the box it was measured for.
 */
final class SlideText {
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private SlideText() {
    }

    /** Replaces the text of {@code shape} with {@code paragraphs} and places it at {@code anchor}. */
    static void fill(XSLFTextShape shape, Rectangle2D anchor, List<String> paragraphs, int size, boolean bold, Color colour,
                     double gap) {
        shape.clearText();
        if (shape.getXmlObject() instanceof CTShape xml && !xml.getSpPr().isSetXfrm()) {
            // A placeholder without its own position would have POI move the layout's (shared by every slide).
            xml.getSpPr().addNewXfrm();
        }
        shape.setAnchor(anchor);
        shape.setInsets(new Insets2D(0, 0, 0, 0));
        shape.setWordWrap(true);
        shape.setVerticalAlignment(VerticalAlignment.TOP);
        shape.setTextAutofit(XSLFTextShape.TextAutofit.NONE);
        for (int i = 0; i < paragraphs.size(); i++) {
            XSLFTextParagraph p = shape.addNewTextParagraph();
            p.setTextAlign(TextAlign.LEFT);
            p.setBullet(false);
            p.setIndent(0.0);
            p.setLeftMargin(0.0);
            p.setLineSpacing(100.0);
            p.setSpaceBefore(i == 0 ? 0.0 : -gap * size);
            p.setSpaceAfter(0.0);
            XSLFTextRun run = p.addNewTextRun();
            run.setText(paragraphs.get(i));
            run.setFontFamily(FittedText.FAMILY);
            run.setFontSize((double) size);
            run.setBold(bold);
            run.setFontColor(colour);
        }
    }
}
