package org.inspectorate.filing;

/**
 * A network unit with a filing in force (已备案) as a draw's target pool sees it: the unit, its operator's
 * type and province, its category and grade.
 *
 * @param provinceCode          the operator's province code, {@code null} for nationwide operators
 * @param authorityProvinceCode the province whose administration reviews the unit's filings, {@code null} for the
 *                              Ministry
 */
public record FiledUnit(long unitId, long organisationId, String operatorType, String provinceCode,
        NetworkCategory category, GradeLevel gradeLevel, String authorityProvinceCode) {
}
