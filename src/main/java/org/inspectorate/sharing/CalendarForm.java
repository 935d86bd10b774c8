package org.inspectorate.sharing;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The plan form's fields as posted. */
public class CalendarForm {

    private String operatorCreditCode;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private String scope;
    private String members;
    private boolean withAdministration;

    PlanInput toInput() {
        return new PlanInput(operatorCreditCode, startsOn, endsOn, scope, members, withAdministration);
    }

    public String getOperatorCreditCode() { return operatorCreditCode; }
    public void setOperatorCreditCode(String v) { operatorCreditCode = v; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate v) { startsOn = v; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate v) { endsOn = v; }
    public String getScope() { return scope; }
    public void setScope(String v) { scope = v; }
    public String getMembers() { return members; }
    public void setMembers(String v) { members = v; }
    public boolean isWithAdministration() { return withAdministration; }
    public void setWithAdministration(boolean v) { withAdministration = v; }
}
