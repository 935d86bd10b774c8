package org.inspectorate.draw;

import java.time.LocalDate;

/** A validated draw preparation, ready to store. */
record DrawPlan(String title, String provinceCode, long rulesId, String filterProvince, String filterOperatorType,
        String filterCategory, String filterGrade, String inspectorSkills, LocalDate drawDate) {
}
