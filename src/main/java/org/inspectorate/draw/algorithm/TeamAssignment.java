package org.inspectorate.draw.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drawn target with its drawn team: the leader (组长) and the other members in the order drawn.
 */
public record TeamAssignment(String targetId, String leaderId, List<String> memberIds) {

    public TeamAssignment {
        Checks.code(targetId, "targetId");
        Checks.code(leaderId, "leaderId");
        memberIds = List.copyOf(Checks.codes(memberIds, "memberIds"));
    }

    /** Leader first, then members. */
    public List<String> team() {
        List<String> t = new ArrayList<>(memberIds.size() + 1);
        t.add(leaderId);
        t.addAll(memberIds);
        return t;
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", targetId);
        m.put("leader", leaderId);
        m.put("members", memberIds);
        return m;
    }
}
