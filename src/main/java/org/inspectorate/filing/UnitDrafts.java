package org.inspectorate.filing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A unit's filed content as input again, with additions merged: the draft {@link NetworkUnits} validates. */
final class UnitDrafts {

    private UnitDrafts() {
    }

    static UnitInput withAdditions(UnitContent c, FilingAdditions additions) {
        List<AssetInput> assets = new ArrayList<>();
        c.assets().forEach(a -> assets.add(new AssetInput(a.kind().name(), a.value(), a.openPorts())));
        for (AssetInput added : additions.assets()) {
            int same = indexOf(assets, added);
            if (same < 0) {
                assets.add(added);
            } else {
                AssetInput listed = assets.get(same);
                assets.set(same, new AssetInput(listed.kind(), listed.value(), ports(listed.openPorts(),
                        added.openPorts())));
            }
        }
        String protocols = c.protocolsAndPorts();
        String more = additions.protocolsAndPorts();
        if (more != null && !more.isBlank() && (protocols == null || !protocols.contains(more.strip()))) {
            protocols = protocols == null || protocols.isBlank() ? more.strip() : protocols + "\n" + more.strip();
        }
        return new UnitInput(c.name(), c.category().name(), c.description(), c.keyLocations(),
                c.responsiblePerson(), c.responsibleContact(), c.gradeLevel().code(), c.gradingReasoning(),
                c.gradingReviewedOn() == null ? null : c.gradingReviewedOn().toString(), c.mainHardware(),
                c.securitySystems(), c.baseSoftware(), c.applicationSoftware(), protocols,
                c.lifecycleStage().name(), assets);
    }

    private static int indexOf(List<AssetInput> assets, AssetInput added) {
        for (int i = 0; i < assets.size(); i++) {
            AssetInput a = assets.get(i);
            if (a.kind().equalsIgnoreCase(added.kind()) && a.value().strip().toLowerCase(Locale.ROOT)
                    .equals(added.value() == null ? null : added.value().strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static String ports(String listed, String added) {
        Set<String> all = new LinkedHashSet<>();
        for (String text : new String[] {listed, added}) {
            if (text != null) {
                for (String p : text.split("[,，\\s]+")) {
                    if (!p.isEmpty()) {
                        all.add(p);
                    }
                }
            }
        }
        return all.isEmpty() ? null : String.join(",", all);
    }
}
