package org.inspectorate.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Small but real files for the demo units' attachments: a PNG topology sketch (three boxes joined by lines) and a
 * one-page PDF, generated so that the repository holds no binary and the files pass the type check by their bytes.
 */
final class DemoFiles {

    private DemoFiles() {
    }

    /** A 320×120 PNG: Internet — firewall — servers, as boxes joined by lines. */
    static byte[] topologyPng() {
        BufferedImage image = new BufferedImage(320, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 320, 120);
            g.setStroke(new BasicStroke(2f));
            g.setColor(new Color(0x0d6efd));
            int[] xs = {20, 130, 240};
            for (int x : xs) {
                g.drawRect(x, 40, 60, 40);
            }
            g.drawLine(80, 60, 130, 60);
            g.drawLine(190, 60, 240, 60);
            g.setColor(new Color(0xdc3545));
            g.fillRect(150, 50, 20, 20);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid one-page PDF (PDF 1.4, one line of Latin text, correct cross-reference table). */
    static byte[] reportPdf(String line) {
        String text = line.replaceAll("[^A-Za-z0-9 .,:-]", " ");
        String stream = "BT /F1 14 Tf 56 780 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
