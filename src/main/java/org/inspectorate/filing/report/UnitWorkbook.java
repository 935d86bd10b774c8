package org.inspectorate.filing.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.LifecycleStage;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.filing.UnitInput;
import org.inspectorate.system.SpreadsheetCells;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The bulk upload template (批量导入模板) of network units: one row per unit, bilingual headers, the
 * assets of each kind in their own column (entries separated by new lines or semicolons; an IP
 * address or range may be followed by its open ports: {@code 203.0.113.0/24 80,443}). Reading never
 * evaluates a formula: a formula cell, or text that a spreadsheet would take for one, is refused.
 */
final class UnitWorkbook {

    /** Rows a file may hold below its header. */
    static final int MAX_ROWS = 5_000;
    static final String UNITS_SHEET = "units 网络单元";

    /** A template column: the unit field it feeds and its header as written in row 1. */
    record Column(String key, String header) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("name", "单元名称 Unit name"),
            new Column("category", "网络类型 Network type"),
            new Column("description", "描述 Description"),
            new Column("keyLocations", "关键设施位置 Key facility locations"),
            new Column("responsiblePerson", "责任人 Responsible person"),
            new Column("responsibleContact", "联系方式 Contact"),
            new Column("gradeLevel", "安全防护级别 Protection level"),
            new Column("gradingReasoning", "定级理由 Grading reasoning"),
            new Column("gradingReviewedOn", "定级评审通过日期 Grading review date (yyyy-MM-dd)"),
            new Column("mainHardware", "主要硬件 Main hardware"),
            new Column("securitySystems", "安全系统 Security systems"),
            new Column("baseSoftware", "基础软件 Base software"),
            new Column("applicationSoftware", "应用软件 Application software"),
            new Column("protocolsAndPorts", "主要协议和端口 Main protocols and ports"),
            new Column("lifecycleStage", "生命周期阶段 Lifecycle stage"),
            new Column("DOMAIN", "域名 Domain names"),
            new Column("IP_ADDRESS", "IP地址及开放端口 IP addresses and open ports"),
            new Column("CIDR", "公网IP段及开放端口 Public IP ranges and open ports"),
            new Column("URL", "网址 URLs"),
            new Column("APP_PACKAGE", "应用包名 App package names"));

    private static final int FIRST_ASSET_COLUMN = 15;

    /** A data row read from the file: its row number as the user sees it, the input, and the column of each asset. */
    record ParsedRow(int rowNumber, UnitInput input, List<String> assetColumns) {
    }

    /** The rows read and the problems found in the cells themselves (formulas). */
    record Parsed(List<ParsedRow> rows, List<BulkProblem> problems) {
    }

    private UnitWorkbook() {
    }

    // --- template ---------------------------------------------------------------------------

    /** Writes the empty template: the units sheet with dropdowns, and an instructions sheet in the reader's language. */
    static void writeTemplate(OutputStream out, Function<String, String> text) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(UNITS_SHEET);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle textFormat = workbook.createCellStyle();
            textFormat.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row row = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(COLUMNS.get(i).header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, 24 * 256);
                sheet.setDefaultColumnStyle(i, textFormat);
            }
            sheet.createFreezePane(0, 1);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            dropdown(sheet, helper, index("category"), Arrays.stream(NetworkCategory.values()).map(Enum::name));
            dropdown(sheet, helper, index("gradeLevel"), Arrays.stream(GradeLevel.values()).map(GradeLevel::code));
            dropdown(sheet, helper, index("lifecycleStage"), Arrays.stream(LifecycleStage.values()).map(Enum::name));

            Sheet help = workbook.createSheet("instructions 填写说明");
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(1, 90 * 256);
            int r = 0;
            for (String key : List.of("filingreports.template.help.rows", "filingreports.template.help.lists",
                    "filingreports.template.help.assets", "filingreports.template.help.dates",
                    "filingreports.template.help.formulas", "filingreports.template.help.all")) {
                help.createRow(r++).createCell(0).setCellValue(text.apply(key));
            }
            r++;
            for (Column c : COLUMNS) {
                Row line = help.createRow(r++);
                line.createCell(0).setCellValue(c.header());
                line.createCell(1).setCellValue(text.apply("filingreports.template.column." + c.key()));
            }
            r++;
            help.createRow(r++).createCell(0).setCellValue(text.apply("filing.field.category"));
            for (NetworkCategory c : NetworkCategory.values()) {
                Row line = help.createRow(r++);
                line.createCell(0).setCellValue(c.name());
                line.createCell(1).setCellValue(text.apply(c.messageKey()));
            }
            r++;
            help.createRow(r++).createCell(0).setCellValue(text.apply("filing.field.lifecycleStage"));
            for (LifecycleStage s : LifecycleStage.values()) {
                Row line = help.createRow(r++);
                line.createCell(0).setCellValue(s.name());
                line.createCell(1).setCellValue(text.apply(s.messageKey()));
            }
            workbook.write(out);
        }
    }

    private static void dropdown(Sheet sheet, DataValidationHelper helper, int column,
            Stream<String> values) {
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, MAX_ROWS, column, column));
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        sheet.addValidationData(validation);
    }

    static int index(String key) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** The header of the column feeding {@code key}, or {@code null}. */
    static String header(String key) {
        return COLUMNS.stream().filter(c -> c.key().equals(key)).map(Column::header).findFirst().orElse(null);
    }

    // --- reading ----------------------------------------------------------------------------

    /**
     * Streams the first sheet (POI's SAX event API: memory stays flat whatever the row count). The header
     * row and the row count are checked before any data row is used: a sheet that declares more than
     * {@value #MAX_ROWS} data rows (its {@code dimension}) is refused at once, and reading stops at the
     * first row past the limit otherwise. Throws {@link BulkUploadRejected} for a file that is not a
     * workbook, has the wrong columns or too many rows.
     */
    static Parsed read(InputStream in) {
        SheetReader handler = new SheetReader();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            handler.strings = strings;
            handler.styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw BulkUploadRejected.file("filingreports.bulk.notXlsx");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(sheet));
            }
        } catch (BulkUploadRejected e) {
            throw e;
        } catch (SAXException e) {
            if (e.getCause() instanceof BulkUploadRejected rejected) {
                throw rejected;
            }
            throw BulkUploadRejected.file("filingreports.bulk.notXlsx");
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            throw BulkUploadRejected.file("filingreports.bulk.notXlsx");
        }
        if (!handler.headerChecked) {
            checkHeader(handler.header);
        }
        return new Parsed(handler.rows, handler.problems);
    }

    /** The SAX handler of one sheet: cells by column, formulas spotted by their {@code <f>} element. */
    private static final class SheetReader extends DefaultHandler {

        ReadOnlySharedStringsTable strings;
        StylesTable styles;
        final List<ParsedRow> rows = new ArrayList<>();
        final List<BulkProblem> problems = new ArrayList<>();
        final List<String> header = new ArrayList<>();
        boolean headerChecked;

        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private StringBuilder target;
        private int rowNumber;
        private int nextColumn;
        private String[] values;
        private boolean formulaCell;
        private boolean collecting;
        private int column;
        private String type;
        private String style;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("dimension".equals(name)) {
                String ref = attributes.getValue("ref");
                if (ref != null && ref.contains(":")) {
                    int last = new CellReference(ref.substring(ref.indexOf(':') + 1)).getRow() + 1;
                    if (last - 1 > MAX_ROWS) {
                        throw tooMany(last - 1);
                    }
                }
            } else if ("row".equals(name)) {
                String r = attributes.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                nextColumn = 0;
                if (rowNumber > 1 && !headerChecked) {
                    checkHeader(header);
                    headerChecked = true;
                }
                if (rowNumber - 1 > MAX_ROWS) {
                    throw tooMany(rowNumber - 1);
                }
                values = new String[COLUMNS.size()];
            } else if ("c".equals(name)) {
                String ref = attributes.getValue("r");
                column = ref == null ? nextColumn : new CellReference(ref).getCol();
                nextColumn = column + 1;
                type = attributes.getValue("t");
                style = attributes.getValue("s");
                formulaCell = false;
                text.setLength(0);
                inline.setLength(0);
            } else if ("f".equals(name)) {
                formulaCell = true;
            } else if ("v".equals(name)) {
                collecting = true;
                target = text;
            } else if ("t".equals(name)) {
                collecting = true;
                target = inline;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                target.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("v".equals(name) || "t".equals(name)) {
                collecting = false;
            } else if ("c".equals(name)) {
                endCell();
            } else if ("row".equals(name)) {
                endRow();
            }
        }

        private void endCell() {
            if (rowNumber == 1) {
                while (header.size() < column) {
                    header.add("");
                }
                header.add(formulaCell ? "" : value().strip().replaceAll("\\s+", " "));
                return;
            }
            String value = formulaCell ? null : value();
            // either text of an ambiguous cell (a value and an inline string) that looks like a formula refuses it
            if (formulaCell || looksLikeFormula(value) || !"s".equals(type) && (looksLikeFormula(text.toString())
                    || looksLikeFormula(inline.toString()))) {
                String where = column < COLUMNS.size() ? COLUMNS.get(column).header()
                        : new CellReference(rowNumber - 1, column).formatAsString();
                problems.add(new BulkProblem(rowNumber, where, column < COLUMNS.size() ? COLUMNS.get(column).key()
                        : null, "filingreports.bulk.formula"));
                if (column < COLUMNS.size()) {
                    values[column] = "";
                    formulaRow = true;
                }
                return;
            }
            if (column < COLUMNS.size()) {
                values[column] = value;
            }
        }

        private boolean formulaRow;

        private void endRow() {
            if (rowNumber == 1) {
                checkHeader(header);
                headerChecked = true;
                return;
            }
            boolean any = formulaRow;
            formulaRow = false;
            for (String v : values) {
                any |= v != null && !v.isBlank();
            }
            if (any) {
                rows.add(toRow(rowNumber, values));
            }
        }

        private String value() {
            String raw = text.toString();
            if ("s".equals(type)) {
                return raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            }
            if ("inlineStr".equals(type)) {
                return inline.toString();
            }
            if ("str".equals(type)) {
                return raw;
            }
            if ("b".equals(type)) {
                return "1".equals(raw) ? "TRUE" : "FALSE";
            }
            if ("e".equals(type) || raw.isEmpty()) {
                return raw;
            }
            double number;
            try {
                number = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                return raw;
            }
            if (style != null && !style.isEmpty()) {
                XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
                int format = cellStyle.getDataFormat();
                String formatString = cellStyle.getDataFormatString();
                if (DateUtil.isADateFormat(format, formatString) && DateUtil.isValidExcelDate(number)) {
                    return DateUtil.getLocalDateTime(number).toLocalDate().toString();
                }
                if (formatString != null && !"@".equals(formatString) && !"General".equals(formatString)) {
                    return formatter.formatRawCellContents(number, format, formatString);
                }
            }
            return formatter.formatRawCellContents(number, 0, "General");
        }

        private static BulkUploadRejected tooMany(int rows) {
            return BulkUploadRejected.file("filingreports.bulk.tooManyRows", rows, MAX_ROWS);
        }
    }

    private static void checkHeader(List<String> cells) {
        List<String> found = new ArrayList<>(cells);
        while (!found.isEmpty() && found.get(found.size() - 1).isEmpty()) {
            found.remove(found.size() - 1);
        }
        List<String> expected = COLUMNS.stream().map(Column::header).toList();
        if (!found.equals(expected)) {
            throw BulkUploadRejected.file("filingreports.bulk.columns", String.join(" | ", expected),
                    found.isEmpty() ? "-" : String.join(" | ", found));
        }
    }

    /** Spreadsheets take text starting with these for a formula (CSV/DDE injection). */
    static boolean looksLikeFormula(String value) {
        return SpreadsheetCells.looksLikeFormula(value);
    }

    private static ParsedRow toRow(int rowNumber, String[] v) {
        List<AssetInput> assets = new ArrayList<>();
        List<String> assetColumns = new ArrayList<>();
        for (int c = FIRST_ASSET_COLUMN; c < COLUMNS.size(); c++) {
            String kind = COLUMNS.get(c).key();
            if (v[c] == null) {
                continue;
            }
            for (String entry : v[c].split("[;；\\r\\n]+")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                String value = e;
                String ports = null;
                if ("CIDR".equals(kind) || "IP_ADDRESS".equals(kind)) {
                    String[] parts = e.split("\\s+", 2);
                    value = parts[0];
                    ports = parts.length > 1 ? parts[1].replaceAll("\\s+", "") : null;
                }
                assets.add(new AssetInput(kind, value, ports));
                assetColumns.add(COLUMNS.get(c).header());
            }
        }
        UnitInput input = new UnitInput(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                v[12], v[13], v[14], assets);
        return new ParsedRow(rowNumber, input, assetColumns);
    }

    /** Writes rows to a template-shaped workbook (tests and the benchmark fill the template this way). */
    static void writeRows(OutputStream out, List<Map<String, String>> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(UNITS_SHEET);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i).header());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (Map.Entry<String, String> e : rows.get(r).entrySet()) {
                    row.createCell(index(e.getKey())).setCellValue(e.getValue());
                }
            }
            workbook.write(out);
        }
    }


}
