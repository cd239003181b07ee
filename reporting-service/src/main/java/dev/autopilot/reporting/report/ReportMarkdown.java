package dev.autopilot.reporting.report;

import java.util.List;

/** A report as Markdown, for the ops channel and for people who read it in a terminal. */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String render(ReportDocument report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.title()).append("\n\n");
        md.append("Period: ").append(report.periodStart()).append(" to ").append(report.periodEnd())
                .append(" (").append(report.zone()).append("), generated ").append(report.generatedAt())
                .append(" (").append(report.trigger()).append(")\n\n");
        if (!report.summary().isEmpty()) {
            md.append("## Summary\n\n");
            report.summary().forEach(line -> md.append("- ").append(inline(line)).append('\n'));
            md.append('\n');
        }
        for (Section section : report.sections()) {
            md.append("## ").append(inline(section.title())).append("\n\n");
            if (section.failed()) {
                md.append("> **Gap**: `").append(section.source()).append("` could not be read: ")
                        .append(inline(section.gap())).append("\n\n");
                continue;
            }
            section.lines().forEach(line -> md.append("- ").append(inline(line)).append('\n'));
            if (!section.lines().isEmpty()) {
                md.append('\n');
            }
            if (section.hasTable()) {
                table(md, section.columns(), section.rows());
            }
        }
        return md.toString();
    }

    /** A Markdown table; an empty one says so. */
    public static void table(StringBuilder md, List<String> columns, List<List<String>> rows) {
        if (rows.isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        md.append('|');
        columns.forEach(c -> md.append(' ').append(cell(c)).append(" |"));
        md.append("\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(c -> md.append(' ').append(cell(c)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** One line: line breaks become spaces. */
    public static String inline(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
