package org.loss4j.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.loss4j.cli.io.AtomicOutput;

/** Draws the train and test loss of every training run per epoch, as a PNG. */
final class TrainingChart {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 600;

  private TrainingChart() {}

  /** Writes the chart to {@code path}, atomically. */
  static void write(Path path, List<Training> trainings) throws IOException {
    XYSeriesCollection series = new XYSeriesCollection();
    for (Training training : trainings) {
      series.addSeries(curve(training.title() + " (train)", training.trainCurve()));
      series.addSeries(curve(training.title() + " (test)", training.testCurve()));
    }
    JFreeChart chart = ChartFactory.createXYLineChart("loss4j demo: training curves", "epoch",
        "loss", series, PlotOrientation.VERTICAL, true, false, false);
    try (AtomicOutput output = AtomicOutput.create(path)) {
      ChartUtils.writeChartAsPNG(output.stream(), chart, WIDTH, HEIGHT);
      output.commit();
    }
  }

  private static XYSeries curve(String name, List<Double> values) {
    XYSeries curve = new XYSeries(name);
    for (int epoch = 0; epoch < values.size(); epoch++) {
      curve.add(epoch + 1, values.get(epoch));
    }
    return curve;
  }
}
