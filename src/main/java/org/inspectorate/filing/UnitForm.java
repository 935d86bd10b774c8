package org.inspectorate.filing;

import java.util.ArrayList;
import java.util.List;

/** The unit form as the page binds it (a mutable bean, because forms bind indexed asset rows). */
class UnitForm {

    private String name;
    private String category;
    private String description;
    private String keyLocations;
    private String responsiblePerson;
    private String responsibleContact;
    private String gradeLevel;
    private String gradingReasoning;
    private String gradingReviewedOn;
    private String mainHardware;
    private String securitySystems;
    private String baseSoftware;
    private String applicationSoftware;
    private String protocolsAndPorts;
    private String lifecycleStage;
    private int version;
    private List<AssetRow> assets = new ArrayList<>();

    /** One row of the assets editor. */
    public static class AssetRow {
        private String kind;
        private String value;
        private String openPorts;

        public AssetRow() {
        }

        AssetRow(String kind, String value, String openPorts) {
            this.kind = kind;
            this.value = value;
            this.openPorts = openPorts;
        }

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
        public String getOpenPorts() { return openPorts; }
        public void setOpenPorts(String openPorts) { this.openPorts = openPorts; }
    }

    static UnitForm empty() {
        UnitForm form = new UnitForm();
        form.lifecycleStage = LifecycleStage.FORMAL_OPERATION.name();
        form.assets.add(new AssetRow());
        return form;
    }

    static UnitForm of(NetworkUnit unit) {
        UnitContent c = unit.content();
        UnitForm f = new UnitForm();
        f.name = c.name();
        f.category = c.category().name();
        f.description = c.description();
        f.keyLocations = c.keyLocations();
        f.responsiblePerson = c.responsiblePerson();
        f.responsibleContact = c.responsibleContact();
        f.gradeLevel = c.gradeLevel().code();
        f.gradingReasoning = c.gradingReasoning();
        f.gradingReviewedOn = c.gradingReviewedOn() == null ? null : c.gradingReviewedOn().toString();
        f.mainHardware = c.mainHardware();
        f.securitySystems = c.securitySystems();
        f.baseSoftware = c.baseSoftware();
        f.applicationSoftware = c.applicationSoftware();
        f.protocolsAndPorts = c.protocolsAndPorts();
        f.lifecycleStage = c.lifecycleStage().name();
        f.version = unit.version();
        c.assets().forEach(a -> f.assets.add(new AssetRow(a.kind().name(), a.value(), a.openPorts())));
        if (f.assets.isEmpty()) {
            f.assets.add(new AssetRow());
        }
        return f;
    }

    UnitInput toInput() {
        List<AssetInput> rows = new ArrayList<>();
        for (AssetRow r : assets) {
            rows.add(r == null ? null : new AssetInput(r.kind, r.value, r.openPorts));
        }
        return new UnitInput(name, category, description, keyLocations, responsiblePerson, responsibleContact,
                gradeLevel, gradingReasoning, gradingReviewedOn, mainHardware, securitySystems, baseSoftware,
                applicationSoftware, protocolsAndPorts, lifecycleStage, rows);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getKeyLocations() { return keyLocations; }
    public void setKeyLocations(String keyLocations) { this.keyLocations = keyLocations; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public void setResponsiblePerson(String responsiblePerson) { this.responsiblePerson = responsiblePerson; }
    public String getResponsibleContact() { return responsibleContact; }
    public void setResponsibleContact(String responsibleContact) { this.responsibleContact = responsibleContact; }
    public String getGradeLevel() { return gradeLevel; }
    public void setGradeLevel(String gradeLevel) { this.gradeLevel = gradeLevel; }
    public String getGradingReasoning() { return gradingReasoning; }
    public void setGradingReasoning(String gradingReasoning) { this.gradingReasoning = gradingReasoning; }
    public String getGradingReviewedOn() { return gradingReviewedOn; }
    public void setGradingReviewedOn(String gradingReviewedOn) { this.gradingReviewedOn = gradingReviewedOn; }
    public String getMainHardware() { return mainHardware; }
    public void setMainHardware(String mainHardware) { this.mainHardware = mainHardware; }
    public String getSecuritySystems() { return securitySystems; }
    public void setSecuritySystems(String securitySystems) { this.securitySystems = securitySystems; }
    public String getBaseSoftware() { return baseSoftware; }
    public void setBaseSoftware(String baseSoftware) { this.baseSoftware = baseSoftware; }
    public String getApplicationSoftware() { return applicationSoftware; }
    public void setApplicationSoftware(String applicationSoftware) { this.applicationSoftware = applicationSoftware; }
    public String getProtocolsAndPorts() { return protocolsAndPorts; }
    public void setProtocolsAndPorts(String protocolsAndPorts) { this.protocolsAndPorts = protocolsAndPorts; }
    public String getLifecycleStage() { return lifecycleStage; }
    public void setLifecycleStage(String lifecycleStage) { this.lifecycleStage = lifecycleStage; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public List<AssetRow> getAssets() { return assets; }
    public void setAssets(List<AssetRow> assets) { this.assets = assets; }
}
