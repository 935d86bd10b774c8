package org.inspectorate.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A typed reader of YAML (or JSON, which is YAML too) files, in plain Java: a hardened loader, and reads of
 * strings, ids, numbers, dates, enums, lists and maps from the loaded tree that never stop at the first
 * problem — each is collected in {@link #problems} with its field path ({@code deadlines[0].due}) and the
 * offending value, for the caller to throw together. {@link CampaignParser} builds on it.
 *
 * <p>The loader is hardened against hostile files: only plain data (no object construction), a limit on
 * size, aliases (the "billion laughs" bomb) and nesting depth, no duplicate keys, and no implicit
 * timestamps — SnakeYAML's lenient timestamp resolution would silently turn 2018-09-31 into 1 October.
 */
class TypedYaml {

    static final int MAX_ALIASES = 10;
    static final int MAX_DEPTH = 20;
    static final int MAX_VALUE_SHOWN = 60;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,2})?");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The problems found so far, each with its field path. */
    final List<FieldProblem> problems = new ArrayList<>();
    /** Each kept list element's index in its file list (elements that failed are left out of lists). */
    private final Map<Object, Integer> positions = new IdentityHashMap<>();

    /** Loads plain data from {@code text} of at most {@code maxCodePoints}; a file that does not load is one problem. */
    static Object load(String text, int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(maxCodePoints);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
                new PlainDataResolver());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem != null && problem.contains("Nesting Depth")) {
                throw new InvalidInputException(null, "campaign.yaml.tooDeep", String.valueOf(MAX_DEPTH));
            }
            throw new InvalidInputException(null, "campaign.yaml.syntax",
                    mark == null ? "?" : String.valueOf(mark.getLine() + 1),
                    mark == null ? "?" : String.valueOf(mark.getColumn() + 1), shorten(problem, 200));
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("aliases")) {
                throw new InvalidInputException(null, "campaign.yaml.tooManyAliases", String.valueOf(MAX_ALIASES));
            }
            if (message.contains("Nesting Depth")) {
                throw new InvalidInputException(null, "campaign.yaml.tooDeep", String.valueOf(MAX_DEPTH));
            }
            if (message.contains("code points")) {
                throw new InvalidInputException(null, "campaign.file.tooLarge", "?", String.valueOf(maxCodePoints / 1024));
            }
            throw new InvalidInputException(null, "campaign.yaml.syntax", "?", "?", shorten(message, 200));
        }
    }

    /**
     * Resolves plain scalars to booleans (true/false only), integers, null or strings: no YAML 1.1
     * yes/no/on/off booleans, no sexagesimal or octal numbers, no timestamps, no floats (decimals are
     * read from their text, exactly).
     */
    private static final class PlainDataResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]{0,8})$"), "-+0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|)$"), "~n\0");
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
        }
    }

    static String shorten(Object value, int max) {
        String s = String.valueOf(value).replaceAll("\\s+", " ").strip();
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    int position(Object element, int fallback) {
        return positions.getOrDefault(element, fallback);
    }

    void problem(String path, String code, Object... args) {
        problems.add(new FieldProblem(path, code, args));
    }

    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }

    static String show(Object value) {
        return shorten(value, MAX_VALUE_SHOWN);
    }


    <T> T missing(String path) {
        problem(path, "campaign.field.required");
        return null;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object v, String p) {
        if (v instanceof Map<?, ?> raw) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : raw.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    problem(p, "campaign.field.keyType", show(e.getKey()));
                    continue;
                }
                m.put((String) e.getKey(), e.getValue());
            }
            return m;
        }
        problem(p.isEmpty() ? null : p, p.isEmpty() ? "campaign.file.notMapping" : "campaign.field.type",
                show(v), "mapping");
        return null;
    }

    void unknownKeys(Map<String, Object> m, String p, Set<String> allowed) {
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                problem(at(p, key), "campaign.field.unknown", show(key));
            }
        }
    }

    /** A list of elements read by {@code element}; elements that failed are left out (their problems recorded). */
    <T> List<T> list(Map<String, Object> m, String key, String p, boolean required,
            BiFunction<Object, String, T> element) {
        String path = at(p, key);
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problem(path, "campaign.field.required");
            }
            return List.of();
        }
        if (!(v instanceof List<?> raw)) {
            problem(path, "campaign.field.type", show(v), "list");
            return List.of();
        }
        if (raw.isEmpty() && required) {
            problem(path, "campaign.list.empty");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            T t = element.apply(raw.get(i), at(path, i));
            if (t != null) {
                out.add(t);
                positions.put(t, i);
            }
        }
        return out;
    }

    String string(Map<String, Object> m, String key, String p, boolean required, int max) {
        String path = at(p, key);
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problem(path, "campaign.field.required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            problem(path, "campaign.field.type", show(v), "string");
            return null;
        }
        String value = s.strip();
        if (value.isEmpty()) {
            if (required) {
                problem(path, "campaign.field.required");
            }
            return null;
        }
        if (value.length() > max) {
            problem(path, "campaign.field.tooLong", show(value), String.valueOf(max));
            return null;
        }
        return value;
    }

    String id(Map<String, Object> m, String key, String p) {
        Object v = m.get(key);
        if (v instanceof Integer n) {
            v = n.toString();
        }
        if (v == null) {
            problem(at(p, key), "campaign.field.required");
            return null;
        }
        if (!(v instanceof String s) || !ID.matcher(s.strip()).matches()) {
            problem(at(p, key), "campaign.id.pattern", show(v));
            return null;
        }
        return s.strip();
    }

    LocalizedText text(Map<String, Object> m, String key, String p, boolean required, int max) {
        String path = at(p, key);
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problem(path, "campaign.field.required");
            }
            return null;
        }
        Map<String, Object> t = map(v, path);
        if (t == null) {
            return null;
        }
        unknownKeys(t, path, Set.of("zh", "en"));
        String zh = string(t, "zh", path, true, max);
        String en = string(t, "en", path, true, max);
        return zh == null || en == null ? null : new LocalizedText(zh, en);
    }

    Integer integer(Map<String, Object> m, String key, String p, boolean required, int min, int max) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problem(at(p, key), "campaign.field.required");
            }
            return null;
        }
        return integerValue(v, at(p, key), min, max);
    }

    Integer integerValue(Object v, String path, int min, int max) {
        Integer n = null;
        if (v instanceof Integer i) {
            n = i;
        } else if (v instanceof String s && INTEGER.matcher(s.strip()).matches() && s.strip().length() < 10) {
            n = Integer.valueOf(s.strip());
        }
        if (n == null) {
            problem(path, "campaign.field.type", show(v), "integer");
            return null;
        }
        if (n < min || n > max) {
            problem(path, "campaign.number.range", show(v), String.valueOf(min), String.valueOf(max));
            return null;
        }
        return n;
    }

    Boolean bool(Map<String, Object> m, String key, String p) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(at(p, key), "campaign.field.type", show(v), "true/false");
        return null;
    }

    BigDecimal decimal(Object v, String path) {
        String s = v instanceof Integer || v instanceof String ? String.valueOf(v).strip() : null;
        if (s == null || !DECIMAL.matcher(s).matches()) {
            problem(path, "campaign.decimal.invalid", show(v));
            return null;
        }
        return new BigDecimal(s);
    }

    LocalDate date(Map<String, Object> m, String key, String p) {
        String path = at(p, key);
        Object v = m.get(key);
        if (v == null) {
            problem(path, "campaign.field.required");
            return null;
        }
        if (!(v instanceof String s)) {
            problem(path, "campaign.date.invalid", show(v));
            return null;
        }
        try {
            return LocalDate.parse(s.strip(), ISO_DATE);
        } catch (DateTimeParseException e) {
            problem(path, "campaign.date.invalid", show(s));
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type, Object v, String path) {
        if (v instanceof String s) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s.strip())) {
                    return e;
                }
            }
        }
        problem(path, "campaign.enum.unknown", show(v),
                String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        return null;
    }

    <T> void duplicates(List<T> values, String path) {
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                problem(path, "campaign.list.duplicate", show(value));
            }
        }
    }

    <T> void uniqueIds(List<T> values, Function<T, String> id, String path,
            BiFunction<T, Integer, ?> each) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (!seen.add(id.apply(value))) {
                problem(at(path, position(value, i)) + ".id", "campaign.id.duplicate", id.apply(value));
            } else if (each != null) {
                each.apply(value, i);
            }
        }
    }
}
