package org.inspectorate.support;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A plausible instance of any record, its components filled by type (text, numbers, the first constant of an enum,
 * a fixed day and instant, one-element collections, nested records likewise), for tests that must cover every type
 * of a kind (every event) without spelling each one out.
 */
public final class SampleValues {

    /** The day and instant every sample carries. */
    public static final Instant INSTANT = Instant.parse("2026-03-01T02:03:04.123456Z");
    public static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private SampleValues() {
    }

    /** An instance of the record {@code type}. */
    public static <T> T of(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getGenericType());
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getName() + ": " + e, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, Type generic) {
        if (type == String.class) {
            return "样例 sample";
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == short.class || type == Short.class) {
            return (short) 2;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == double.class || type == Double.class) {
            return 1.5;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("9.8");
        }
        if (type == Instant.class) {
            return INSTANT;
        }
        if (type == LocalDate.class) {
            return DAY;
        }
        if (type == LocalDateTime.class) {
            return DAY.atTime(2, 3, 4);
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(5);
        }
        if (type == Period.class) {
            return Period.ofDays(30);
        }
        if (type == UUID.class) {
            return UUID.fromString("00000000-0000-0000-0000-000000000007");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return of(type);
        }
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 1);
            Array.set(array, 0, value(type.getComponentType(), type.getComponentType()));
            return array;
        }
        Class<?> element = argument(generic, 0);
        if (type == Optional.class) {
            return Optional.of(value(element, element));
        }
        if (Set.class.isAssignableFrom(type)) {
            Object one = value(element, element);
            if (element.isEnum()) {
                return EnumSet.of((Enum) one);
            }
            return SortedSet.class.isAssignableFrom(type) ? new TreeSet<>(Set.of(one)) : Set.of(one);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.of(value(element, element));
        }
        if (Map.class.isAssignableFrom(type)) {
            Class<?> valueType = argument(generic, 1);
            return Map.of(value(element, element), value(valueType, valueType));
        }
        throw new IllegalArgumentException("no sample value of " + generic.getTypeName());
    }

    private static Class<?> argument(Type generic, int index) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[index] instanceof Class<?> argument) {
            return argument;
        }
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[index] instanceof ParameterizedType nested) {
            return (Class<?>) nested.getRawType();
        }
        return String.class;
    }
}
