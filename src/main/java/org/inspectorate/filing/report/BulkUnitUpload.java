package org.inspectorate.filing.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitContent;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk upload of network units (批量导入) from the XLSX template: the whole file is checked first —
 * size, real XLSX content, columns, row count, formula cells, then every row through the same
 * validation as a single unit — and any problem is reported by row and column with nothing saved;
 * a good file is saved whole, in one transaction.
 */
@Service
class BulkUnitUpload {

    /** Largest file accepted, whatever the servlet container allows. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Pattern ASSET_FIELD = Pattern.compile("assets\\[(\\d+)\\]\\.(\\w+)");

    private final NetworkUnits units;
    private final ApplicationEventPublisher events;

    BulkUnitUpload(NetworkUnits units, ApplicationEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    void template(OutputStream out, Function<String, String> text) throws IOException {
        UnitWorkbook.writeTemplate(out, text);
    }

    /**
     * Checks the whole file, then creates every unit as a DRAFT of the actor's organisation, with one audit event
     * for the whole upload ({@link FilingBulkUploaded}).
     */
    @Transactional
    public BulkResult upload(Actor actor, String filename, long declaredSize, InputStream in) throws IOException {
        units.requireOperator(actor);
        if (declaredSize > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw BulkUploadRejected.file("filingreports.bulk.empty");
        }
        // The name proves nothing: an XLSX is a ZIP (PK\3\4) that POI can open as a workbook.
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw BulkUploadRejected.file("filingreports.bulk.notXlsx");
        }
        UnitWorkbook.Parsed parsed = UnitWorkbook.read(new ByteArrayInputStream(bytes));
        List<BulkProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.rows().isEmpty() && problems.isEmpty()) {
            throw BulkUploadRejected.file("filingreports.bulk.noRows");
        }
        Set<String> refused = new HashSet<>();
        parsed.problems().forEach(p -> refused.add(p.row() + " " + p.field()));
        List<UnitContent> contents = new ArrayList<>(parsed.rows().size());
        for (UnitWorkbook.ParsedRow row : parsed.rows()) {
            try {
                contents.add(units.validate(row.input()));
            } catch (InvalidInputException e) {
                for (InvalidInputException.FieldProblem p : e.problems()) {
                    if (refused.contains(row.rowNumber() + " " + p.field())) {
                        continue; // the formula cell is already reported
                    }
                    problems.add(new BulkProblem(row.rowNumber(), column(row, p.field()), p.field(), p.code(),
                            p.args()));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((BulkProblem p) -> p.row() == null ? 0 : p.row())
                    .thenComparing(p -> p.column() == null ? "" : p.column()));
            throw new BulkUploadRejected(problems, false);
        }
        String source = filename == null ? "upload.xlsx" : filename.replaceAll("[\\r\\n\\t]", " ");
        if (source.length() > 100) {
            source = source.substring(0, 100);
        }
        long organisationId = units.createAll(actor, contents);
        events.publishEvent(new FilingBulkUploaded(organisationId, contents.size(), source));
        return new BulkResult(parsed.rows().size(), contents.size());
    }

    private static BulkUploadRejected tooLarge() {
        return new BulkUploadRejected(List.of(new BulkProblem(null, null, null, "filingreports.bulk.tooLarge",
                MAX_BYTES / (1024 * 1024))), true);
    }

    private static String column(UnitWorkbook.ParsedRow row, String field) {
        if (field == null) {
            return null;
        }
        Matcher m = ASSET_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < row.assetColumns().size() ? row.assetColumns().get(i) : null;
        }
        if (field.equals("assets")) {
            return UnitWorkbook.header("DOMAIN");
        }
        return UnitWorkbook.header(field);
    }
}
