package dev.mosaic.bench.harness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A run's figures as PNG charts, drawn headless: people would rather look than read. */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A point of a line: {@code x} and {@code y}. */
    public record Point(double x, double y) {
    }

    /** Lines over a shared x axis, one per series, in the order given. */
    public static void lines(Path file, String title, String xLabel, String yLabel, Map<String, List<Point>> series)
            throws IOException {
        save(file, lineChart(title, xLabel, yLabel, series));
    }

    /** The same, with the y axis spanning only the values drawn: for figures that differ in their third decimal. */
    public static void closeLines(Path file, String title, String xLabel, String yLabel, Map<String, List<Point>> series)
            throws IOException {
        JFreeChart chart = lineChart(title, xLabel, yLabel, series);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        save(file, chart);
    }

    private static JFreeChart lineChart(String title, String xLabel, String yLabel, Map<String, List<Point>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries line = new XYSeries(name, false);
            points.forEach(point -> line.add(point.x(), point.y()));
            data.addSeries(line);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false,
                false);
        chart.getXYPlot().getRenderer().setSeriesStroke(0, new BasicStroke(2.5f));
        return chart;
    }

    /** Bars per category, one per series: {@code values} maps each category to its series' values. */
    public static void bars(Path file, String title, String yLabel, Map<String, Map<String, Double>> values)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((category, bySeries) -> bySeries.forEach((name, value) -> data.addValue(value, name, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, "", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
        save(file, chart);
    }

    private static void save(Path file, JFreeChart chart) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF6F7FB));
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
