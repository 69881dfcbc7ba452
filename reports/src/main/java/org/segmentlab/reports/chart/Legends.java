package org.segmentlab.reports.chart;

import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.segmentlab.simulator.metrics.AcquisitionChannel;

/** Fixed legends for figures made of several panels, where JFreeChart would otherwise repeat every series. */
final class Legends {
    // long enough to show a whole period of every strategy's dash pattern
    private static final Shape LINE = new Line2D.Double(-16, 0, 16, 0);
    private static final Shape SQUARE = new Rectangle2D.Double(-6, -6, 12, 12);

    private Legends() {
    }

    /** One line entry per strategy, in the strategy colours. */
    public static LegendItemCollection strategies(List<String> strategies) {
        LegendItemCollection items = new LegendItemCollection();
        for (int s = 0; s < strategies.size(); s++) {
            LegendItem item = new LegendItem(strategies.get(s), null, null, null, LINE, Palette.strategyStroke(s), Palette.strategy(s));
            item.setLabelFont(ChartStyle.LEGEND);
            items.add(item);
        }
        return items;
    }

    /** One square entry per segment, in the segment colours. */
    public static LegendItemCollection segments(List<String> segments) {
        LegendItemCollection items = new LegendItemCollection();
        for (int g = 0; g < segments.size(); g++) {
            LegendItem item = new LegendItem(segments.get(g), null, null, null, SQUARE, Palette.segment(g));
            item.setLabelFont(ChartStyle.LEGEND);
            items.add(item);
        }
        return items;
    }

    /** One square entry per acquisition channel, in the channel colours. */
    public static LegendItemCollection channels(List<AcquisitionChannel> channels) {
        LegendItemCollection items = new LegendItemCollection();
        for (AcquisitionChannel channel : channels) {
            LegendItem item = new LegendItem(channel.label(), null, null, null, SQUARE, Palette.channel(channel));
            item.setLabelFont(ChartStyle.LEGEND);
            items.add(item);
        }
        return items;
    }
}
